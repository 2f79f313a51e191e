import { Knex } from 'knex';
import { RollupRow, StalePeriodRow, TABLES } from '../tables';

/**
 * Puts a period's new rollups in place of its old ones, and clears its stale
 * mark unless it was marked again meanwhile (its generation moved on).
 */
export async function replaceRollups(
  knex: Knex,
  stale: StalePeriodRow,
  rows: RollupRow[],
) {
  const period = {
    metric: stale.metric,
    period: stale.period,
    period_start: stale.period_start,
  };
  await knex.transaction(async trx => {
    await trx(TABLES.rollups).where(period).delete();
    for (let i = 0; i < rows.length; i += 400) {
      await trx(TABLES.rollups).insert(rows.slice(i, i + 400));
    }
    await trx(TABLES.stalePeriods)
      .where({ ...period, generation: stale.generation })
      .delete();
  });
}
