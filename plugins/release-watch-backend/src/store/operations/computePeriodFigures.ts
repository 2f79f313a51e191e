import { Period } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { scoped, StoreScope } from '../scoped';
import { rollupFigures, RollupRow, TABLES } from '../tables';

/**
 * A metric's figures per period for a scope that has no rollups (a team),
 * computed from its measurements the way the rollups are: count, sum and
 * exact nearest-rank p50 and p90.
 */
export async function computePeriodFigures(
  knex: Knex,
  options: {
    metric: string;
    period: Period;
    scope: StoreScope;
    from: string;
    to: string;
  },
): Promise<RollupRow[]> {
  const column = options.period === 'week' ? 'week_start' : 'month_start';
  const ranked = scoped(
    knex(TABLES.measurements)
      .where('metric', options.metric)
      .whereBetween(column, [options.from, options.to]),
    options.scope,
  ).select(
    { period_start: column, value: 'value', unit: 'unit' },
    knex.raw(`row_number() over (partition by ${column} order by value) as rn`),
    knex.raw(`count(*) over (partition by ${column}) as n`),
  );
  const rows = await knex
    .from(ranked.as('ranked'))
    .select('period_start')
    .max({ count: 'n', unit: 'unit' })
    .sum({ sum: 'value' })
    .select(
      knex.raw('max(case when rn = (n * 50 + 99) / 100 then value end) as p50'),
      knex.raw('max(case when rn = (n * 90 + 99) / 100 then value end) as p90'),
    )
    .groupBy('period_start')
    .orderBy('period_start');
  return rows.map((row: any) => ({
    metric: options.metric,
    period: options.period,
    period_start: String(row.period_start),
    scope_kind: options.scope.kind,
    scope: options.scope.kind === 'owner' ? options.scope.owner : '',
    ...rollupFigures(row),
    unit: row.unit ?? null,
  }));
}
