import { LedgerResource } from '@internal/backend-databases';
import { Knex } from 'knex';
import { DATABASE_RESOURCES_TABLE } from '../tables';

/** What the database driver made for the environment, oldest first. */
export async function listDatabaseResources(
  db: Knex,
  id: string,
): Promise<LedgerResource[]> {
  const rows = await db(DATABASE_RESOURCES_TABLE)
    .where({ environment_id: id })
    .orderBy('id')
    .select('type', 'resource_id');
  return rows.map(row => ({ type: row.type, id: row.resource_id }));
}
