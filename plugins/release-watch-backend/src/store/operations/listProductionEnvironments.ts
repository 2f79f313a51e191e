import { Knex } from 'knex';
import { TABLES } from '../tables';

/**
 * Every environment a production deployment was ever reported for, by
 * name: each one has change failure rate measurements (one per production
 * deployment, any status), so weekly rollups of its own. Read from the
 * rollups (the caller settles them first): a few rows per environment and
 * week, not one per deployment.
 */
export async function listProductionEnvironments(
  knex: Knex,
): Promise<string[]> {
  const rows: Array<{ environment: string }> = await knex(TABLES.rollups)
    .where({
      metric: 'change_failure_rate',
      period: 'week',
      scope_kind: 'env',
    })
    .distinct({ environment: 'scope' });
  return rows.map(row => row.environment).sort((a, b) => a.localeCompare(b));
}
