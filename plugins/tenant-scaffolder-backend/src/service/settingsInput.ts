import {
  FieldProblem,
  TenantSettings,
} from '@internal/plugin-tenant-scaffolder-common';

/** The name under which a tenant's SMTP password is kept in its secrets. */
export const SMTP_PASSWORD_SECRET = 'smtp-password';

const MAX_PASSWORD_LENGTH = 500;

/**
 * Checks the SMTP password a request may carry in `settings.mail.password`.
 * Messages never repeat the value.
 */
export function mailPasswordProblems(
  settings: unknown,
  options: { allowRemoval: boolean },
): FieldProblem[] {
  const mail = (settings as { mail?: Record<string, unknown> } | undefined)
    ?.mail;
  if (typeof mail !== 'object' || mail === null || !('password' in mail)) {
    return [];
  }
  const field = 'settings.mail.password';
  const { password } = mail;
  if (mail.mode !== 'smtp') {
    return [{ field, message: "is only used with mode 'smtp'" }];
  }
  if (password === null && options.allowRemoval) return [];
  if (typeof password !== 'string' || password.length === 0) {
    return [
      {
        field,
        message: options.allowRemoval
          ? 'must be text, or null to remove the stored password'
          : 'must be text',
      },
    ];
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return [
      { field, message: `must be at most ${MAX_PASSWORD_LENGTH} characters` },
    ];
  }
  return [];
}

/**
 * Splits checked settings into what is stored with the tenant, known fields
 * only, and the SMTP password, which is stored apart as a secret: a string
 * sets it, null removes it, undefined leaves it as it is.
 */
export function splitSettings(input: TenantSettings): {
  settings: TenantSettings;
  smtpPassword?: string | null;
} {
  const { branding, mail, footer, analyticsId } = input;
  const settings: TenantSettings = {
    branding: {
      palette: {
        primary: branding.palette.primary,
        secondary: branding.palette.secondary,
        background: branding.palette.background,
      },
      ...(branding.logoUrl ? { logoUrl: branding.logoUrl } : {}),
    },
    mail:
      mail.mode === 'smtp'
        ? {
            mode: 'smtp',
            host: mail.host,
            port: mail.port,
            username: mail.username,
            fromAddress: mail.fromAddress,
          }
        : { mode: 'platform' },
    footer: {
      ...(footer.address !== undefined ? { address: footer.address } : {}),
      links: (footer.links ?? []).map(({ label, url }) => ({ label, url })),
    },
    ...(analyticsId ? { analyticsId } : {}),
  };
  const { password } = mail as { password?: string | null };
  return { settings, smtpPassword: password };
}
