import { REGISTERED_SLUG, stepExample } from './stepExample';

const step = {
  id: 'config',
  name: 'Render config.yml and nginx.conf',
  action: 'tenant:config:render',
};

export const examples = [
  stepExample(
    "Render the tenant's config from what the database and storage steps made",
    {
      ...step,
      input: {
        slug: REGISTERED_SLUG,
        database: '${{ steps.database.output.result }}',
        storage: '${{ steps.storage.output.result.location }}',
      },
    },
  ),
  stepExample(
    'Render the config of a tenant whose database is PostgreSQL and whose storage is S3',
    {
      ...step,
      input: {
        slug: 'acme',
        database: {
          client: 'pg',
          host: 'tenants-db.internal',
          port: 5432,
          database: 'tenant_acme',
          user: 'tenant_acme',
          passwordFile: '/srv/tenant-config/acme/database.password',
        },
        storage: 's3://acme-tenants/tenants/acme/',
      },
    },
  ),
];
