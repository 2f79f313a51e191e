import { Knex } from 'knex';
import { DATABASE_RESOURCES_TABLE } from '../tables';

/** The environments that have anything of a database recorded. */
export async function listDatabaseOwners(db: Knex): Promise<string[]> {
  const rows = await db(DATABASE_RESOURCES_TABLE).distinct('environment_id');
  return rows.map(row => row.environment_id);
}
