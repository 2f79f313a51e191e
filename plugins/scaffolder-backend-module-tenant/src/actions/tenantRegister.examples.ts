import { stepExample } from './stepExample';

const step = {
  id: 'register',
  name: 'Register the tenant',
  action: 'tenant:register',
};

export const examples = [
  stepExample(
    'Register a tenant on a trial, its mail sent by the platform, on the version the portal configures',
    {
      ...step,
      input: {
        slug: 'acme',
        name: 'Acme Corp',
        plan: { kind: 'trial', endsOn: '2027-01-31' },
        region: 'eu-west-1',
        owner: 'group:default/customer-success',
        settings: {
          branding: {
            palette: {
              primary: '#e4002b',
              secondary: '#fafafa',
              background: '#111827',
            },
          },
          mail: { mode: 'platform' },
          footer: { links: [] },
        },
      },
    },
  ),
  stepExample(
    'Register a paying tenant on a given version, its mail sent through its own SMTP server; the password comes from the task secret smtpPassword (a parameter with ui:field: Secret)',
    {
      ...step,
      input: {
        slug: 'globex',
        name: 'Globex',
        plan: { kind: 'paid' },
        region: 'us-east-1',
        owner: 'group:default/sales',
        version: '2.4.0',
        settings: {
          branding: {
            palette: {
              primary: '#c2410c',
              secondary: '#fff7ed',
              background: '#1c1917',
            },
            logoUrl: 'https://globex.example/logo.svg',
          },
          mail: {
            mode: 'smtp',
            host: 'smtp.globex.example',
            port: 587,
            username: 'portal',
            fromAddress: 'noreply@globex.example',
          },
          footer: {
            address: '1 Globex Way, Cypress Creek',
            links: [
              { label: 'Privacy', url: 'https://globex.example/privacy' },
            ],
          },
          analyticsId: 'G-GLOBEX01',
        },
      },
    },
  ),
];
