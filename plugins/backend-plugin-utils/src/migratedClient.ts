import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/**
 * A plugin's database client, with the knex migrations in its package's
 * `migrations/` folder applied, unless the portal skips them.
 */
export async function migratedClient(
  database: DatabaseService,
  packageName: string,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({
      directory: resolvePackagePath(packageName, 'migrations'),
    });
  }
  return knex;
}
