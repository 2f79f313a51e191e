import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ColourField } from './ColourField';
import { PalettePreview } from './PalettePreview';
import { SettingsFormValues } from './settingsForm';
import { SettingsTextField } from './SettingsTextField';
import { SetSettingsValue } from './useSettingsForm';

const PALETTE: Array<{
  key: 'primary' | 'secondary' | 'background';
  label: string;
}> = [
  { key: 'primary', label: 'Primary colour' },
  { key: 'secondary', label: 'Secondary colour' },
  { key: 'background', label: 'Background colour' },
];

/** The palette and the logo, previewed as the tenant's pages show them. */
export const BrandingSection = ({
  tenantName,
  values,
  set,
}: {
  tenantName: string;
  values: SettingsFormValues;
  set: SetSettingsValue;
}) => (
  <>
    <Typography variant="subtitle1" gutterBottom>
      Branding
    </Typography>
    <Grid container spacing={2}>
      <Grid item xs={12} md={7}>
        <Grid container spacing={2}>
          {PALETTE.map(({ key, label }) => (
            <Grid item xs={12} sm={4} key={key}>
              <ColourField
                id={`settings-${key}`}
                label={label}
                path={`settings.branding.palette.${key}`}
                value={values[key]}
                onChange={value => set(key, value)}
              />
            </Grid>
          ))}
          <Grid item xs={12}>
            <SettingsTextField
              id="settings-logo-url"
              label="Logo URL"
              path="settings.branding.logoUrl"
              hint="An https URL"
              value={values.logoUrl}
              onChange={value => set('logoUrl', value)}
            />
          </Grid>
        </Grid>
      </Grid>
      <Grid item xs={12} md={5}>
        <PalettePreview
          name={tenantName}
          primary={values.primary}
          secondary={values.secondary}
          background={values.background}
          logoUrl={values.logoUrl.trim() || undefined}
        />
      </Grid>
    </Grid>
  </>
);
