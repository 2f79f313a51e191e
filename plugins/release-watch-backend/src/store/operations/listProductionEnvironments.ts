import { Knex } from 'knex';
import { TABLES } from '../tables';

/** Every environment a production deployment was ever reported for, by name. */
export async function listProductionEnvironments(
  knex: Knex,
): Promise<string[]> {
  const rows: Array<{ environment: string | null }> = await knex(TABLES.events)
    .whereRaw("kind = 'deployment'")
    .where('production', true)
    .whereNotNull('environment')
    .distinct('environment');
  return rows.map(row => row.environment!).sort((a, b) => a.localeCompare(b));
}
