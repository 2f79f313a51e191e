import {
  smtpMail,
  tenantPalette,
} from '@internal/plugin-tenant-scaffolder-common/testUtils';
import { RegisteredTenant } from '../../../api/TenantScaffolderApi';
import { tenant } from '../../../__testUtils__/fixtures';

/**
 * Settings with every optional part filled, mailing through the
 * customer's SMTP server, whose password is stored.
 */
export const smtpSettings = {
  branding: {
    palette: tenantPalette,
    logoUrl: 'https://acme.example/logo.svg',
  },
  mail: {
    ...smtpMail,
    fromAddress: 'hello@acme.example',
    hasPassword: true,
  },
  footer: {
    address: '1 Acme Way',
    links: [{ label: 'Blog', url: 'https://acme.example/blog' }],
  },
  analyticsId: 'G-ABC123',
};

/** Acme at revision 3, with `smtpSettings`. */
export function acmeWithSmtp(
  overrides: Partial<RegisteredTenant> = {},
): RegisteredTenant {
  return tenant({ settings: smtpSettings, ...overrides });
}
