import { TenantSettings } from '@internal/plugin-tenant-scaffolder-common';
import { TenantSettingsInput } from '../../api/TenantScaffolderApi';

/** The settings form's state: text as typed, turned into settings on save. */
export type SettingsFormValues = {
  primary: string;
  secondary: string;
  background: string;
  logoUrl: string;
  mailMode: 'platform' | 'smtp';
  smtpHost: string;
  smtpPort: string;
  smtpUsername: string;
  smtpFromAddress: string;
  /** Empty keeps the stored password: it is only sent when typed. */
  smtpPassword: string;
  footerAddress: string;
  footerLinks: Array<{ label: string; url: string }>;
  analyticsId: string;
};

export const DEFAULT_SMTP_PORT = '587';

export function formValuesOf(settings: TenantSettings): SettingsFormValues {
  const { branding, mail, footer } = settings;
  return {
    primary: branding.palette.primary,
    secondary: branding.palette.secondary,
    background: branding.palette.background,
    logoUrl: branding.logoUrl ?? '',
    mailMode: mail.mode,
    smtpHost: mail.mode === 'smtp' ? mail.host : '',
    smtpPort: mail.mode === 'smtp' ? String(mail.port) : DEFAULT_SMTP_PORT,
    smtpUsername: mail.mode === 'smtp' ? mail.username : '',
    smtpFromAddress: mail.mode === 'smtp' ? mail.fromAddress : '',
    smtpPassword: '',
    footerAddress: footer.address ?? '',
    footerLinks: footer.links.map(({ label, url }) => ({ label, url })),
    analyticsId: settings.analyticsId ?? '',
  };
}

/**
 * The settings to PATCH. Empty optional fields are left out, which clears
 * them; the password goes only when one was typed.
 */
export function settingsInputOf(
  values: SettingsFormValues,
): TenantSettingsInput {
  const logoUrl = values.logoUrl.trim();
  const address = values.footerAddress.trim();
  const analyticsId = values.analyticsId.trim();
  const port = values.smtpPort.trim();
  return {
    branding: {
      palette: {
        primary: values.primary.trim(),
        secondary: values.secondary.trim(),
        background: values.background.trim(),
      },
      ...(logoUrl ? { logoUrl } : {}),
    },
    mail:
      values.mailMode === 'smtp'
        ? {
            mode: 'smtp',
            host: values.smtpHost.trim(),
            // A non-number reaches the backend as NaN -> null, and it names the field.
            port: port === '' ? NaN : Number(port),
            username: values.smtpUsername.trim(),
            fromAddress: values.smtpFromAddress.trim(),
            ...(values.smtpPassword ? { password: values.smtpPassword } : {}),
          }
        : { mode: 'platform' },
    footer: {
      ...(address ? { address } : {}),
      links: values.footerLinks.map(link => ({
        label: link.label.trim(),
        url: link.url.trim(),
      })),
    },
    ...(analyticsId ? { analyticsId } : {}),
  };
}
