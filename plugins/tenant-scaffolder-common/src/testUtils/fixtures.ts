import type { Tenant, TenantSettings } from '../schema/openapi/generated';

/** The palette the New tenant wizard starts from. */
export const tenantPalette: TenantSettings['branding']['palette'] = {
  primary: '#1f6feb',
  secondary: '#ffffff',
  background: '#0d1117',
};

/** A tenant's settings: the wizard's palette, the platform's mail, no footer links. */
export function tenantSettings(
  overrides: Partial<TenantSettings> = {},
): TenantSettings {
  return {
    branding: { palette: tenantPalette },
    mail: { mode: 'platform' },
    footer: { links: [] },
    ...overrides,
  };
}

/** Mail through the tenant's own SMTP server, without its password. */
export const smtpMail: Extract<TenantSettings['mail'], { mode: 'smtp' }> = {
  mode: 'smtp',
  host: 'smtp.acme.example',
  port: 587,
  username: 'mailer',
  fromAddress: 'noreply@acme.example',
};

/** What registers a tenant: the New tenant wizard's answers, owner and version. */
export type TenantRegistrationFixture = Pick<
  Tenant,
  'slug' | 'name' | 'plan' | 'region' | 'owner' | 'version' | 'settings'
>;

/** Acme Corp on a trial, owned by sales, on 1.4.2; override what a test needs. */
export function tenantRegistration(
  overrides: Partial<TenantRegistrationFixture> = {},
): TenantRegistrationFixture {
  return {
    slug: 'acme',
    name: 'Acme Corp',
    plan: { kind: 'trial', endsOn: '2027-01-31' },
    region: 'eu-west-1',
    owner: 'group:default/sales',
    version: '1.4.2',
    settings: tenantSettings(),
    ...overrides,
  };
}

/** One of a fleet: a paid tenant named after its slug, on 1.0.0. */
export function paidTenant(slug: string): TenantRegistrationFixture {
  return tenantRegistration({
    slug,
    name: slug,
    plan: { kind: 'paid' },
    version: '1.0.0',
  });
}
