import { Knex } from 'knex';
import { StalePeriodRow, TABLES } from '../tables';

/** The first `limit` stale periods, in a stable order. */
export function listStalePeriods(
  knex: Knex,
  limit: number,
): Promise<StalePeriodRow[]> {
  return knex(TABLES.stalePeriods)
    .select()
    .orderBy(['metric', 'period', 'period_start'])
    .limit(limit);
}
