import { readFileSync } from 'node:fs';
import yaml from 'yaml';
import { useActionExamples } from './__testUtils__/useActionExamples';
import { createTenantConfigRenderAction } from './tenantConfigRender';
import { examples } from './tenantConfigRender.examples';
import { createTenantDatabaseCreateAction } from './tenantDatabaseCreate';
import { examples as databaseExamples } from './tenantDatabaseCreate.examples';
import { createTenantStorageCreateAction } from './tenantStorageCreate';
import { examples as storageExamples } from './tenantStorageCreate.examples';

const readYaml = (path: string) => yaml.parse(readFileSync(path, 'utf8'));

describe('tenant:config:render examples', () => {
  const runExample = useActionExamples(
    createTenantConfigRenderAction,
    examples,
  );

  it("renders the config from the database and storage steps' outputs", () =>
    runExample(0, {
      after: [
        [createTenantDatabaseCreateAction, databaseExamples[0]],
        [createTenantStorageCreateAction, storageExamples[0]],
      ],
      then: ({ result }, { directory }) => {
        expect(result).toEqual({
          configFile: directory.resolve('config/acme/config.yml'),
          nginxFile: directory.resolve('config/acme/nginx.conf'),
        });
        expect(readYaml(result.configFile)).toMatchObject({
          tenant: { slug: 'acme', name: 'Acme Corp', version: '1.0.0' },
          hosts: { production: 'acme.clients.localhost' },
          database: {
            client: 'better-sqlite3',
            filename: directory.resolve('databases/acme.sqlite'),
          },
          storage: { location: directory.resolve('storage/acme') },
        });
        expect(readFileSync(result.nginxFile, 'utf8')).toContain(
          'server_name acme.clients.localhost',
        );
      },
    }));

  it('renders the config of a tenant on PostgreSQL and S3', () =>
    runExample(1, {
      then: ({ result }, { registry }) => {
        expect(readYaml(result.configFile)).toMatchObject({
          database: {
            client: 'pg',
            host: 'tenants-db.internal',
            port: 5432,
            passwordFile: '/srv/tenant-config/acme/database.password',
          },
          storage: { location: 's3://acme-tenants/tenants/acme/' },
        });
        expect(registry.ledger.map(entry => entry.step)).toEqual([
          'config',
          'config',
        ]);
      },
    }));
});
