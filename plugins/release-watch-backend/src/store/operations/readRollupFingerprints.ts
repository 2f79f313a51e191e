import { Knex } from 'knex';
import { TABLES } from '../tables';

/**
 * Per metric, what the organisation's weekly rollups from one week to
 * another say (each week's count, sum, p50 and p90): a primary-key range
 * read that changes whenever a measurement of those weeks is added or
 * changes value, whoever's it is.
 */
export async function readRollupFingerprints(
  knex: Knex,
  options: { metrics: string[]; fromWeek: string; toWeek: string },
): Promise<Map<string, string>> {
  const rows = await knex(TABLES.rollups)
    .whereIn('metric', options.metrics)
    .where({ period: 'week', scope_kind: 'org', scope: '' })
    .whereBetween('period_start', [options.fromWeek, options.toWeek])
    .orderBy(['metric', 'period_start'])
    .select('metric', 'period_start', 'count', 'sum', 'p50', 'p90');
  const fingerprints = new Map<string, string>(
    options.metrics.map(metric => [metric, '']),
  );
  for (const row of rows) {
    const figures = [row.period_start, row.count, row.sum, row.p50, row.p90]
      .map(value => (value === null ? '' : String(Number(value))))
      .join(':');
    fingerprints.set(row.metric, `${fingerprints.get(row.metric)};${figures}`);
  }
  return fingerprints;
}
