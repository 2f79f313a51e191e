import { Knex } from 'knex';
import { Range, weekStart } from '../periods';
import { scoped, StoreScope } from '../scoped';
import { TABLES } from '../tables';

/** A metric's measurements in a range: how many, their sum, and (when asked) their exact median. */
export type MeasurementsSummary = {
  count: number;
  sum: number;
  median: number | null;
};

/**
 * Count, sum and the nearest-rank median (the value at rank ceil(n/2), as
 * the rollups' p50) of a metric's measurements in a range and scope, from
 * the measurements themselves: a range's median is not made of its weeks'.
 */
export async function summarizeMeasurements(
  knex: Knex,
  options: {
    metric: string;
    scope: StoreScope;
    range: Range;
    median: boolean;
  },
): Promise<MeasurementsSummary> {
  const { metric, scope, range } = options;
  const inRange = scoped(
    knex(TABLES.measurements)
      .where('metric', metric)
      // The week index narrows; `at` decides.
      .whereBetween('week_start', [weekStart(range.from), weekStart(range.to)])
      .whereBetween('at', [range.from, range.to]),
    scope,
  );
  if (!options.median) {
    const row = await inRange
      .select(knex.raw('count(*) as n'), knex.raw('sum(value) as total'))
      .first();
    return {
      count: Number(row?.n ?? 0),
      sum: Number(row?.total ?? 0),
      median: null,
    };
  }
  const ranked = inRange.select(
    'value',
    knex.raw('row_number() over (order by value) as rn'),
    knex.raw('count(*) over () as n'),
  );
  const row = await knex
    .from(ranked.as('ranked'))
    .select(
      knex.raw('max(n) as n'),
      knex.raw('sum(value) as total'),
      knex.raw('max(case when rn = (n * 50 + 99) / 100 then value end) as p50'),
    )
    .first();
  return {
    count: Number(row?.n ?? 0),
    sum: Number(row?.total ?? 0),
    median:
      row?.p50 === null || row?.p50 === undefined ? null : Number(row.p50),
  };
}
