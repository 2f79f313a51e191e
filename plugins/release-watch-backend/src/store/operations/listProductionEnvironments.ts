import { Knex } from 'knex';
import { TABLES } from '../tables';

/**
 * Every environment a production deployment was ever reported for, by
 * name: each one has a change failure rate measurement (any status).
 */
export async function listProductionEnvironments(
  knex: Knex,
): Promise<string[]> {
  const rows: Array<{ environment: string }> = await knex(TABLES.measurements)
    .where('metric', 'change_failure_rate')
    .whereNotNull('environment')
    .distinct('environment');
  return rows.map(row => row.environment).sort((a, b) => a.localeCompare(b));
}
