import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { TestDatabases } from '@backstage/backend-test-utils';

/**
 * One test a database: the backend package's migrations create `tables`,
 * and rolling all of them back drops the tables again.
 */
// Defines its tests only when a test file calls it: nothing runs on import.
// eslint-disable-next-line jest/no-export
export function itRunsMigrationsUpAndDown(options: {
  databases: TestDatabases;
  /** The backend package whose `migrations` folder to run, e.g. `@internal/plugin-review-envs-backend`. */
  packageName: string;
  tables: string[];
}): void {
  const { databases, tables } = options;
  const directory = resolvePackagePath(options.packageName, 'migrations');

  it.each(databases.eachSupportedId())(
    'run up and down on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory });
      for (const table of tables) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }

      await knex.migrate.rollback({ directory }, true);
      for (const table of tables) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
    },
  );
}
