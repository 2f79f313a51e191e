import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { registryDatabases } from '../__testUtils__/registryDatabases';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-tenant-scaffolder-backend',
  'migrations',
);
const TABLES = ['tenants', 'tenant_secrets', 'tenant_ledger', 'tenant_history'];

describe('tenant-scaffolder migrations', () => {
  const databases = registryDatabases();

  it.each(databases.eachSupportedId())(
    'run up and down on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
    },
  );
});
