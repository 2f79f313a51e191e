import {
  newTenantProblems,
  tenantSettingsProblems,
  tenantSlugProblem,
} from './validation';
import { smtpMail } from './testUtils';

const valid = {
  slug: 'acme',
  name: 'Acme Corp',
  plan: { kind: 'trial', endsOn: '2027-01-31' },
  region: 'eu-west-1',
  settings: {
    branding: {
      palette: { primary: '#1f6feb', secondary: '#fff', background: '#0D1117' },
      logoUrl: 'https://cdn.acme.example/logo.svg',
    },
    mail: { mode: 'platform' },
    footer: {
      address: 'Acme Corp\n1 Main Street\nSpringfield',
      links: [{ label: 'LinkedIn', url: 'https://linkedin.com/company/acme' }],
    },
    analyticsId: 'G-ABC123XYZ',
  },
};

describe('tenantSlugProblem', () => {
  it.each(['acme', 'acme-eu', 'a', 'a1', 'x'.repeat(40)])('accepts %s', slug =>
    expect(tenantSlugProblem(slug)).toBeUndefined(),
  );

  it.each([
    ['', /required/],
    ['Acme', /DNS label/],
    ['1acme', /DNS label/],
    ['acme-', /DNS label/],
    ['-acme', /DNS label/],
    ['ac_me', /DNS label/],
    ['acme.eu', /DNS label/],
    ['../etc', /DNS label/],
    ["acme'; DROP DATABASE x; --", /DNS label/],
    ['ac--me', /two dashes/],
    ['x'.repeat(41), /at most 40/],
    ['www', /reserved/],
    ['postgres', /reserved/],
  ])('refuses %j', (slug, message) => {
    expect(tenantSlugProblem(slug)).toMatch(message);
  });
});

describe('newTenantProblems', () => {
  it('finds nothing wrong with a complete tenant', () => {
    expect(newTenantProblems(valid)).toEqual([]);
    expect(
      newTenantProblems({
        ...valid,
        plan: { kind: 'paid' },
        settings: {
          ...valid.settings,
          mail: smtpMail,
        },
      }),
    ).toEqual([]);
  });

  it('names every field at fault', () => {
    const problems = newTenantProblems({
      ...valid,
      slug: 'Bad Slug',
      name: ' ',
      region: 'moon',
      plan: { kind: 'trial', endsOn: '2027-02-30' },
      settings: {
        branding: {
          palette: { primary: 'red', secondary: '#12345', background: '#fff' },
          logoUrl: 'http://cdn.acme.example/logo.svg',
        },
        mail: {
          mode: 'smtp',
          host: 'smtp acme',
          port: 70000,
          username: 'mailer',
          fromAddress: 'not-an-address',
        },
        footer: { links: [{ label: 'Site', url: 'http://acme.example' }] },
        analyticsId: '<script>',
      },
    });

    expect(problems.map(problem => problem.field)).toEqual([
      'slug',
      'name',
      'region',
      'plan.endsOn',
      'settings.branding.palette.primary',
      'settings.branding.palette.secondary',
      'settings.branding.logoUrl',
      'settings.mail.host',
      'settings.mail.port',
      'settings.mail.fromAddress',
      'settings.footer.links[0].url',
      'settings.analyticsId',
    ]);
    expect(problems[4].message).toBe(
      "'red' is not a colour: use #rgb or #rrggbb",
    );
    expect(problems[6].message).toBe('must be an https:// URL');
  });

  it('refuses control characters in single-line text, and accepts line breaks in the address', () => {
    expect(newTenantProblems({ ...valid, name: 'Acme\u0000Corp' })).toEqual([
      { field: 'name', message: 'must not contain control characters' },
    ]);
    expect(newTenantProblems({ ...valid, name: 'Acme\nCorp' })).toHaveLength(1);
    expect(
      newTenantProblems({
        ...valid,
        settings: {
          ...valid.settings,
          footer: { address: 'Line 1\r\nLine 2', links: [] },
        },
      }),
    ).toEqual([]);
  });

  it('says what is missing', () => {
    expect(newTenantProblems(undefined)).toEqual([
      { field: '(body)', message: 'is required' },
    ]);
    expect(newTenantProblems({}).map(problem => problem.field)).toEqual([
      'slug',
      'name',
      'region',
      'plan',
      'settings',
    ]);
  });
});

describe('tenantSettingsProblems', () => {
  it('checks settings on their own', () => {
    expect(tenantSettingsProblems(valid.settings)).toEqual([]);
    expect(
      tenantSettingsProblems({ ...valid.settings, mail: { mode: 'pigeon' } }),
    ).toEqual([
      { field: 'settings.mail.mode', message: "must be 'platform' or 'smtp'" },
    ]);
  });
});
