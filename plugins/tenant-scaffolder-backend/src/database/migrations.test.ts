import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-tenant-scaffolder-backend',
  'migrations',
);
const TABLES = ['tenants', 'tenant_secrets', 'tenant_ledger', 'tenant_history'];

describe('tenant-scaffolder migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

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
