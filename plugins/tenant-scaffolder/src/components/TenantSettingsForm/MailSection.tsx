import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid, { GridSize } from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { SettingsFormValues } from './settingsForm';
import { SettingsField } from './SettingsField';
import { useSettingsFields } from './SettingsFieldsContext';

type MailMode = SettingsFormValues['mailMode'];

const MAIL_MODES: Array<{ mode: MailMode; label: string }> = [
  { mode: 'platform', label: "The platform's sender" },
  { mode: 'smtp', label: "The customer's SMTP server" },
];

/** The SMTP server's fields and their widths; the password follows them. */
const SMTP_FIELDS: Array<{
  name: 'smtpHost' | 'smtpPort' | 'smtpUsername' | 'smtpFromAddress';
  width: GridSize;
}> = [
  { name: 'smtpHost', width: 8 },
  { name: 'smtpPort', width: 4 },
  { name: 'smtpUsername', width: 6 },
  { name: 'smtpFromAddress', width: 6 },
];

/**
 * Who sends the tenant's mail: the platform, or the customer's SMTP server.
 * The stored SMTP password is never shown; a typed one replaces it.
 */
export const MailSection = ({
  hasStoredPassword,
}: {
  hasStoredPassword: boolean;
}) => {
  const { values, set, disabled } = useSettingsFields();
  return (
    <>
      <Box mt={3}>
        <FormLabel component="legend" id="settings-mail-mode-label">
          Mail sender
        </FormLabel>
        <RadioGroup
          row
          aria-labelledby="settings-mail-mode-label"
          value={values.mailMode}
          onChange={event => set('mailMode', event.target.value as MailMode)}
        >
          {MAIL_MODES.map(({ mode, label }) => (
            <FormControlLabel
              key={mode}
              value={mode}
              control={<Radio disabled={disabled} />}
              label={label}
            />
          ))}
        </RadioGroup>
      </Box>
      {values.mailMode === 'smtp' && (
        <Grid container spacing={2}>
          {SMTP_FIELDS.map(({ name, width }) => (
            <Grid item xs={12} sm={width} key={name}>
              <SettingsField name={name} />
            </Grid>
          ))}
          <Grid item xs={12} sm={6}>
            <SettingsField
              name="smtpPassword"
              hint={
                hasStoredPassword
                  ? 'A password is stored; type a new one to replace it'
                  : 'Sent only when typed'
              }
            />
          </Grid>
        </Grid>
      )}
    </>
  );
};
