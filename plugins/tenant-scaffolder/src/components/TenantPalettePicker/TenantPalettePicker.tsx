import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { colourPickerValue } from '../../format/colourPickerValue';
import { PalettePreview } from '../TenantSettingsForm/PalettePreview';

export type Palette = {
  primary: string;
  secondary: string;
  background: string;
};

const COLOURS: Array<{ key: keyof Palette; label: string }> = [
  { key: 'primary', label: 'Primary colour' },
  { key: 'secondary', label: 'Secondary colour' },
  { key: 'background', label: 'Background colour' },
];

/** The colours the wizard takes: `#rrggbb`, as its template's pattern says. */
export const FULL_HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * The tenant's palette: three colours, each typed as hex or picked, with a
 * preview of the tenant's pages in them. The preview names the customer
 * when the wizard already has their name.
 */
export const TenantPalettePicker = (
  props: FieldExtensionComponentProps<Partial<Palette>>,
) => {
  const {
    formData,
    onChange,
    rawErrors = [],
    schema,
    formContext,
    idSchema,
  } = props;
  const palette = formData ?? {};
  const customer = (formContext?.formData as { name?: string } | undefined)
    ?.name;
  const set = (key: keyof Palette, value: string) =>
    onChange({ ...palette, [key]: value });

  return (
    <Box my={2}>
      <Typography variant="subtitle1">{schema.title ?? 'Palette'}</Typography>
      <Box display="flex" flexWrap="wrap" gridGap={16} alignItems="flex-start">
        {COLOURS.map(({ key, label }) => {
          const value = palette[key] ?? '';
          const invalid = value !== '' && !FULL_HEX_COLOUR.test(value);
          return (
            <Box key={key} display="flex" alignItems="center" gridGap={8}>
              <input
                type="color"
                aria-label={`Pick the ${label.toLocaleLowerCase('en-US')}`}
                value={colourPickerValue(value)}
                onChange={event => set(key, event.target.value)}
                style={{ width: 40, height: 40, border: 0, padding: 0 }}
              />
              <TextField
                id={`${idSchema?.$id ?? 'palette'}_${key}`}
                label={label}
                value={value}
                required
                error={invalid}
                helperText={invalid ? 'A colour such as #1f6feb' : ' '}
                inputProps={{ spellCheck: false, maxLength: 7 }}
                onChange={event => set(key, event.target.value.trim())}
              />
            </Box>
          );
        })}
      </Box>
      {rawErrors.length > 0 && (
        <Typography color="error" variant="caption" role="alert">
          {rawErrors.join(' ')}
        </Typography>
      )}
      <Box mt={1}>
        <PalettePreview
          name={customer || 'Your customer'}
          primary={colourPickerValue(palette.primary)}
          secondary={colourPickerValue(palette.secondary)}
          background={colourPickerValue(palette.background)}
        />
      </Box>
    </Box>
  );
};
