import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ColourField } from './ColourField';
import { PalettePreview } from './PalettePreview';
import { SettingsField } from './SettingsField';
import { useSettingsFields } from './SettingsFieldsContext';

const PALETTE = ['primary', 'secondary', 'background'] as const;

/** The palette and the logo, previewed as the tenant's pages show them. */
export const BrandingSection = ({ tenantName }: { tenantName: string }) => {
  const { values } = useSettingsFields();
  return (
    <>
      <Typography variant="subtitle1" gutterBottom>
        Branding
      </Typography>
      <Grid container spacing={2}>
        {/* The settings card is narrow: side by side, the colour fields cut their labels. */}
        <Grid item xs={12}>
          <Grid container spacing={2}>
            {PALETTE.map(name => (
              <Grid item xs={12} sm={4} key={name}>
                <ColourField name={name} />
              </Grid>
            ))}
            <Grid item xs={12}>
              <SettingsField name="logoUrl" />
            </Grid>
          </Grid>
        </Grid>
        <Grid item xs={12}>
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
};
