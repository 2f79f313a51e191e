/**
 * Fixtures for the tests of the tenant packages: the frontend, the registry,
 * the scaffolder module and this package. Tests only.
 */
export {
  paidTenant,
  smtpMail,
  tenantPalette,
  tenantRegistration,
  tenantSettings,
} from './fixtures';
export type { TenantRegistrationFixture } from './fixtures';
