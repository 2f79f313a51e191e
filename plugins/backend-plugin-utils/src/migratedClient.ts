import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** One migration run per plugin database and package, however many stores ask. */
const migrated = new WeakMap<DatabaseService, Map<string, Promise<Knex>>>();

/**
 * A plugin's database client, with the knex migrations in its package's
 * `migrations/` folder applied, unless the portal skips them. Stores of one
 * plugin each ask for it; the migrations run once.
 */
export function migratedClient(
  database: DatabaseService,
  packageName: string,
): Promise<Knex> {
  let byPackage = migrated.get(database);
  if (!byPackage) {
    byPackage = new Map();
    migrated.set(database, byPackage);
  }
  let client = byPackage.get(packageName);
  if (!client) {
    client = migrate(database, packageName);
    // A failed run is tried again by the next caller.
    client.catch(() => byPackage!.delete(packageName));
    byPackage.set(packageName, client);
  }
  return client;
}

async function migrate(
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
