import { Knex } from 'knex';
import { rollupFigures, RollupRow, StalePeriodRow, TABLES } from '../tables';

const SCOPE_COLUMNS = {
  org: undefined,
  group: 'group_name',
  entity: 'entity_ref',
  // A deployment's environment (one per tenant where each has its own), for
  // the per-environment figures of GET /environments.
  env: 'environment',
} as const;

/** A stale period's rollups, computed afresh from its measurements: one row per scope. */
export async function computeRollups(
  knex: Knex,
  stale: StalePeriodRow,
): Promise<RollupRow[]> {
  const column = stale.period === 'week' ? 'week_start' : 'month_start';
  const rows: RollupRow[] = [];
  for (const kind of ['org', 'group', 'entity', 'env'] as const) {
    const computed = await computeScope(
      knex,
      stale,
      column,
      SCOPE_COLUMNS[kind],
    );
    rows.push(
      ...computed.map((row: any) => ({
        metric: stale.metric,
        period: stale.period,
        period_start: stale.period_start,
        scope_kind: kind,
        scope: String(row.scope),
        ...rollupFigures(row),
        unit: row.unit ?? null,
      })),
    );
  }
  return rows;
}

/**
 * Nearest-rank percentiles (the value at rank ceil(p·n)) with window
 * functions both SQLite and PostgreSQL have, so both give the same,
 * observed value.
 */
function computeScope(
  knex: Knex,
  stale: StalePeriodRow,
  periodColumn: string,
  scopeColumn: string | undefined,
) {
  // Rows without a scope fall in the '' partition and are dropped outside.
  // Not `whereNotNull`: SQLite would then walk the environment's partial
  // index, every measurement of the metric, instead of the period's rows.
  const scope = scopeColumn ? `coalesce(${scopeColumn}, '')` : "''";
  const partition = scopeColumn ? `partition by ${scope}` : '';
  const ranked = knex(TABLES.measurements)
    .select({ value: 'value', unit: 'unit' })
    .select(
      knex.raw(`${scope} as scope`),
      knex.raw(`row_number() over (${partition} order by value) as rn`),
      knex.raw(`count(*) over (${partition}) as n`),
    )
    .where('metric', stale.metric)
    .where(periodColumn, stale.period_start);
  const rollups = knex.from(ranked.as('ranked'));
  if (scopeColumn) {
    rollups.whereNot('scope', '');
  }
  return rollups
    .select('scope')
    .max({ count: 'n', unit: 'unit' })
    .sum({ sum: 'value' })
    .select(
      knex.raw('max(case when rn = (n * 50 + 99) / 100 then value end) as p50'),
      knex.raw('max(case when rn = (n * 90 + 99) / 100 then value end) as p90'),
    )
    .groupBy('scope');
}
