import { SettingsFormValues } from './settingsForm';
import { SettingsTextFieldProps } from './SettingsTextField';

/** The form values each edited in one text field. */
export type TextValueName = Exclude<
  keyof SettingsFormValues,
  'mailMode' | 'footerLinks'
>;

export type SettingsFieldSpec = Pick<
  SettingsTextFieldProps,
  | 'path'
  | 'hint'
  | 'type'
  | 'required'
  | 'autoComplete'
  | 'multiline'
  | 'minRows'
  | 'inputProps'
> & { id: string; label: string };

/** The form's text fields: their ids, labels, the backend's names for them and their kinds of input. */
export const SETTINGS_FIELDS: Record<TextValueName, SettingsFieldSpec> = {
  primary: {
    id: 'settings-primary',
    label: 'Primary colour',
    path: 'settings.branding.palette.primary',
  },
  secondary: {
    id: 'settings-secondary',
    label: 'Secondary colour',
    path: 'settings.branding.palette.secondary',
  },
  background: {
    id: 'settings-background',
    label: 'Background colour',
    path: 'settings.branding.palette.background',
  },
  logoUrl: {
    id: 'settings-logo-url',
    label: 'Logo URL',
    path: 'settings.branding.logoUrl',
    hint: 'An https URL',
  },
  smtpHost: {
    id: 'settings-smtp-host',
    label: 'SMTP host',
    path: 'settings.mail.host',
    required: true,
  },
  smtpPort: {
    id: 'settings-smtp-port',
    label: 'SMTP port',
    path: 'settings.mail.port',
    required: true,
    type: 'number',
    inputProps: { min: 1, max: 65535 },
  },
  smtpUsername: {
    id: 'settings-smtp-username',
    label: 'SMTP user name',
    path: 'settings.mail.username',
    required: true,
  },
  smtpFromAddress: {
    id: 'settings-smtp-from-address',
    label: 'From address',
    path: 'settings.mail.fromAddress',
    required: true,
    type: 'email',
  },
  smtpPassword: {
    id: 'settings-smtp-password',
    label: 'SMTP password',
    path: 'settings.mail.password',
    type: 'password',
    autoComplete: 'new-password',
  },
  footerAddress: {
    id: 'settings-footer-address',
    label: 'Postal address',
    path: 'settings.footer.address',
    multiline: true,
    minRows: 2,
  },
  analyticsId: {
    id: 'settings-analytics-id',
    label: 'Analytics id',
    path: 'settings.analyticsId',
    hint: 'e.g. G-XXXXXXX',
  },
};
