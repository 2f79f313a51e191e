import { Okr, Period } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { scoped, StoreScope } from '../scoped';
import { TABLES } from '../tables';

/** How many of an objective's measurements in one period there are, and how many meet its target. */
export async function countMeetingTarget(
  knex: Knex,
  okr: Pick<Okr, 'metric' | 'lowerIsBetter' | 'target'> & {
    scope: StoreScope;
  },
  period: Period,
  periodStart: string,
): Promise<{ total: number; meeting: number }> {
  const column = period === 'week' ? 'week_start' : 'month_start';
  const counted = await scoped(
    knex(TABLES.measurements)
      .where('metric', okr.metric)
      .where(column, periodStart),
    okr.scope,
  )
    .select(
      knex.raw('count(*) as total'),
      knex.raw(
        `sum(case when value ${
          okr.lowerIsBetter ? '<=' : '>='
        } ? then 1 else 0 end) as meeting`,
        [okr.target],
      ),
    )
    .first();
  return {
    total: Number(counted?.total ?? 0),
    meeting: Number(counted?.meeting ?? 0),
  };
}
