import { FieldChecker } from './FieldChecker';
import type { FieldProblem } from './FieldProblem';
import type {
  TenantPlan,
  TenantSettings,
  TenantStatus,
} from './schema/openapi/generated';

/** What a tenant is created from: the wizard's answers, or the API's body. */
export type NewTenantInput = {
  slug: string;
  name: string;
  plan: TenantPlan;
  region: string;
  settings: TenantSettings;
};

/**
 * Names that would collide with the platform's own hosts, databases or
 * mailboxes when used as `<slug>.example.com`, a database name or
 * `<slug>@clients.example.com`.
 */
export const RESERVED_TENANT_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'app',
  'assets',
  'auth',
  'cdn',
  'clients',
  'dashboard',
  'docs',
  'ftp',
  'help',
  'internal',
  'mail',
  'portal',
  'postgres',
  'postmaster',
  'prod',
  'production',
  'root',
  'smtp',
  'sso',
  'staging',
  'static',
  'status',
  'support',
  'template0',
  'template1',
  'test',
  'www',
]);

/** Room for suffixes such as `-staging` within a 63-character DNS label and database names. */
export const MAX_TENANT_SLUG_LENGTH = 40;

const SLUG = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
const COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const ANALYTICS_ID = /^(G-[A-Z0-9]{4,12}|UA-\d{4,10}-\d{1,4})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const HOST =
  /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

// A record, so that the compiler asks for every status the type gains.
const STATUSES: Record<TenantStatus, true> = {
  provisioning: true,
  ready: true,
  failed: true,
  'needs-cleanup': true,
  upgrading: true,
  deleting: true,
  deleted: true,
};

/** Every status a tenant may have, in the order of its life. */
export const TENANT_STATUSES = Object.keys(STATUSES) as TenantStatus[];

/** Why `value` is not one of `allowed` (every status by default), or undefined when it is. */
export function tenantStatusProblem(
  value: string,
  allowed: readonly TenantStatus[] = TENANT_STATUSES,
): string | undefined {
  return (allowed as string[]).includes(value)
    ? undefined
    : `must be one of ${allowed.join(', ')}`;
}

/** Why `slug` cannot name a tenant, or undefined when it can (availability aside). */
export function tenantSlugProblem(slug: string): string | undefined {
  if (slug.length === 0) return 'is required';
  if (slug.length > MAX_TENANT_SLUG_LENGTH) {
    return `must be at most ${MAX_TENANT_SLUG_LENGTH} characters`;
  }
  if (!SLUG.test(slug)) {
    return 'must be a DNS label: lower-case letters, digits and dashes, starting with a letter and not ending with a dash';
  }
  if (slug.includes('--')) return 'must not contain two dashes in a row';
  if (RESERVED_TENANT_SLUGS.has(slug)) return `'${slug}' is reserved`;
  return undefined;
}

export function colourProblem(value: string): string | undefined {
  return COLOUR.test(value)
    ? undefined
    : `'${value}' is not a colour: use #rgb or #rrggbb`;
}

export function httpsUrlProblem(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:') return 'must be an https:// URL';
    if (url.username || url.password) return 'must not contain credentials';
    return undefined;
  } catch {
    return `'${value}' is not a URL`;
  }
}

/**
 * Checks a new tenant's input and returns every problem found, so a form
 * can show them all at once. An empty list means it is valid.
 */
export function newTenantProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = new FieldChecker(problems);
  const tenant = check.object(input, '');
  if (!tenant) return problems;

  const slug = check.string(tenant.slug, 'slug');
  if (slug !== undefined) check.that(tenantSlugProblem(slug), 'slug');
  check.text(tenant.name, 'name', 100);
  const region = check.string(tenant.region, 'region');
  if (region !== undefined && !REGION.test(region)) {
    check.fail('region', `'${region}' is not a region such as eu-west-1`);
  }
  planProblems(check, tenant.plan);
  settingsProblems(check, tenant.settings);
  return problems;
}

/** Checks settings on their own, as a settings change does. */
export function tenantSettingsProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  settingsProblems(new FieldChecker(problems), input, 'settings');
  return problems;
}

function planProblems(check: FieldChecker, input: unknown) {
  const plan = check.object(input, 'plan');
  if (!plan) return;
  if (plan.kind === 'paid') return;
  if (plan.kind !== 'trial') {
    check.fail('plan.kind', "must be 'trial' or 'paid'");
    return;
  }
  const endsOn = check.string(plan.endsOn, 'plan.endsOn');
  if (endsOn === undefined) return;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(endsOn)
    ? new Date(`${endsOn}T00:00:00Z`)
    : undefined;
  if (
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== endsOn
  ) {
    check.fail('plan.endsOn', `'${endsOn}' is not a date (YYYY-MM-DD)`);
  }
}

function settingsProblems(
  check: FieldChecker,
  input: unknown,
  path = 'settings',
) {
  const settings = check.object(input, path);
  if (!settings) return;

  const branding = check.object(settings.branding, `${path}.branding`);
  if (branding) {
    const palette = check.object(branding.palette, `${path}.branding.palette`);
    if (palette) {
      for (const key of ['primary', 'secondary', 'background']) {
        const field = `${path}.branding.palette.${key}`;
        const colour = check.string(palette[key], field);
        if (colour !== undefined) check.that(colourProblem(colour), field);
      }
    }
    if (branding.logoUrl !== undefined && branding.logoUrl !== '') {
      const logoUrl = check.string(
        branding.logoUrl,
        `${path}.branding.logoUrl`,
      );
      if (logoUrl !== undefined) {
        check.that(httpsUrlProblem(logoUrl), `${path}.branding.logoUrl`);
      }
    }
  }

  const mail = check.object(settings.mail, `${path}.mail`);
  if (mail && mail.mode === 'smtp') {
    const host = check.string(mail.host, `${path}.mail.host`);
    if (host !== undefined && !HOST.test(host)) {
      check.fail(`${path}.mail.host`, `'${host}' is not a host name`);
    }
    if (
      typeof mail.port !== 'number' ||
      !Number.isInteger(mail.port) ||
      mail.port < 1 ||
      mail.port > 65535
    ) {
      check.fail(`${path}.mail.port`, 'must be a port number (1-65535)');
    }
    check.text(mail.username, `${path}.mail.username`, 200);
    const from = check.string(mail.fromAddress, `${path}.mail.fromAddress`);
    if (from !== undefined && !EMAIL.test(from)) {
      check.fail(
        `${path}.mail.fromAddress`,
        `'${from}' is not an e-mail address`,
      );
    }
  } else if (mail && mail.mode !== 'platform') {
    check.fail(`${path}.mail.mode`, "must be 'platform' or 'smtp'");
  }

  const footer = check.object(settings.footer, `${path}.footer`);
  if (footer) {
    if (footer.address !== undefined) {
      check.text(footer.address, `${path}.footer.address`, 300, true);
    }
    const links = footer.links ?? [];
    if (!Array.isArray(links) || links.length > 10) {
      check.fail(`${path}.footer.links`, 'must be a list of at most 10 links');
    } else {
      links.forEach((link: unknown, index: number) => {
        const field = `${path}.footer.links[${index}]`;
        const value = check.object(link, field);
        if (!value) return;
        check.text(value.label, `${field}.label`, 50);
        const url = check.string(value.url, `${field}.url`);
        if (url !== undefined) check.that(httpsUrlProblem(url), `${field}.url`);
      });
    }
  }

  if (settings.analyticsId !== undefined && settings.analyticsId !== '') {
    const id = check.string(settings.analyticsId, `${path}.analyticsId`);
    if (id !== undefined && !ANALYTICS_ID.test(id)) {
      check.fail(
        `${path}.analyticsId`,
        `'${id}' is not an analytics id such as G-ABC123XYZ`,
      );
    }
  }
}
