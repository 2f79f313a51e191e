import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid, { GridSize } from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { InputBaseComponentProps } from '@material-ui/core/InputBase';
import { SettingsFormValues } from './settingsForm';
import { useSettingsFields } from './SettingsFieldsContext';
import { SettingsTextField } from './SettingsTextField';
import { SetSettingsValue } from './useSettingsForm';

const MAIL_MODES: Array<{
  mode: SettingsFormValues['mailMode'];
  label: string;
}> = [
  { mode: 'platform', label: "The platform's sender" },
  { mode: 'smtp', label: "The customer's SMTP server" },
];

/** The SMTP server's fields, all required; the password has its own field. */
const SMTP_FIELDS: Array<{
  key: 'smtpHost' | 'smtpPort' | 'smtpUsername' | 'smtpFromAddress';
  id: string;
  label: string;
  path: string;
  width: GridSize;
  type?: string;
  inputProps?: InputBaseComponentProps;
}> = [
  {
    key: 'smtpHost',
    id: 'settings-smtp-host',
    label: 'SMTP host',
    path: 'settings.mail.host',
    width: 8,
  },
  {
    key: 'smtpPort',
    id: 'settings-smtp-port',
    label: 'SMTP port',
    path: 'settings.mail.port',
    width: 4,
    type: 'number',
    inputProps: { min: 1, max: 65535 },
  },
  {
    key: 'smtpUsername',
    id: 'settings-smtp-username',
    label: 'SMTP user name',
    path: 'settings.mail.username',
    width: 6,
  },
  {
    key: 'smtpFromAddress',
    id: 'settings-smtp-from-address',
    label: 'From address',
    path: 'settings.mail.fromAddress',
    width: 6,
    type: 'email',
  },
];

/**
 * Who sends the tenant's mail: the platform, or the customer's SMTP server.
 * The stored SMTP password is never shown; a typed one replaces it.
 */
export const MailSection = ({
  values,
  set,
  hasStoredPassword,
}: {
  values: SettingsFormValues;
  set: SetSettingsValue;
  hasStoredPassword: boolean;
}) => {
  const { disabled } = useSettingsFields();
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
          onChange={event =>
            set(
              'mailMode',
              event.target.value as SettingsFormValues['mailMode'],
            )
          }
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
          {SMTP_FIELDS.map(({ key, width, ...field }) => (
            <Grid item xs={12} sm={width} key={key}>
              <SettingsTextField
                {...field}
                required
                value={values[key]}
                onChange={value => set(key, value)}
              />
            </Grid>
          ))}
          <Grid item xs={12} sm={6}>
            <SettingsTextField
              id="settings-smtp-password"
              label="SMTP password"
              path="settings.mail.password"
              type="password"
              autoComplete="new-password"
              hint={
                hasStoredPassword
                  ? 'A password is stored; type a new one to replace it'
                  : 'Sent only when typed'
              }
              value={values.smtpPassword}
              onChange={value => set('smtpPassword', value)}
            />
          </Grid>
        </Grid>
      )}
    </>
  );
};
