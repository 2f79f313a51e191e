import { Knex } from 'knex';
import { Range, weekStart, wholeWeeks } from '../periods';
import { sumWeeklyRollups } from './sumWeeklyRollups';
import { scoped, StoreScope } from '../scoped';
import { TABLES } from '../tables';

/** A metric's measurements in a range: how many, their sum, and (when asked) their exact median. */
export type MeasurementsSummary = {
  count: number;
  sum: number;
  median: number | null;
};

const WEEK_MS = 7 * 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Count and sum of a metric in a range: the whole weeks from the weekly
 * rollups (the caller settles them first), the days at either end from the
 * measurements.
 */
async function countAndSum(
  knex: Knex,
  options: { metric: string; scope: StoreScope; range: Range },
): Promise<MeasurementsSummary> {
  const { range } = options;
  const weeks = wholeWeeks(range);
  const spans = weeks
    ? [
        { from: range.from, to: weeks.start - 1 },
        { from: weeks.end, to: range.to },
      ].filter(span => span.from <= span.to)
    : [range];
  const parts = await Promise.all([
    ...spans.map(span =>
      countAndSumMeasured(knex, { ...options, range: span }),
    ),
    ...(weeks
      ? [
          sumWeeklyRollups(knex, {
            ...options,
            fromWeek: day(weeks.start),
            toWeek: day(weeks.end - WEEK_MS),
          }),
        ]
      : []),
  ]);
  return {
    count: parts.reduce((total, part) => total + part.count, 0),
    sum: parts.reduce((total, part) => total + part.sum, 0),
    median: null,
  };
}

async function countAndSumMeasured(
  knex: Knex,
  options: { metric: string; scope: StoreScope; range: Range },
) {
  const { metric, scope, range } = options;
  const row = await scoped(
    knex(TABLES.measurements)
      .where('metric', metric)
      .whereBetween('week_start', [weekStart(range.from), weekStart(range.to)])
      .whereBetween('at', [range.from, range.to]),
    scope,
  )
    .select(knex.raw('count(*) as n'), knex.raw('sum(value) as total'))
    .first();
  return { count: Number(row?.n ?? 0), sum: Number(row?.total ?? 0) };
}

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
  if (!options.median) {
    return countAndSum(knex, options);
  }
  const inRange = scoped(
    knex(TABLES.measurements)
      .where('metric', metric)
      // The week index narrows; `at` decides.
      .whereBetween('week_start', [weekStart(range.from), weekStart(range.to)])
      .whereBetween('at', [range.from, range.to]),
    scope,
  );
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
