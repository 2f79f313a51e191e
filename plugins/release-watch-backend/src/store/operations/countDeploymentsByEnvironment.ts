import { Period } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { scoped, StoreScope } from '../scoped';
import { TABLES } from '../tables';

/** Successful production deployments per period and environment, from one period start to another. */
export async function countDeploymentsByEnvironment(
  knex: Knex,
  options: { scope: StoreScope; period: Period; from: string; to: string },
): Promise<
  Array<{ periodStart: string; environment: string | null; count: number }>
> {
  const column = options.period === 'week' ? 'week_start' : 'month_start';
  const rows = (await scoped(
    knex(TABLES.measurements)
      .where('metric', 'deployment_frequency')
      .whereBetween(column, [options.from, options.to]),
    options.scope,
  )
    .groupBy(column, 'label')
    .select({ periodStart: column, environment: 'label' })
    .count({ count: '*' })) as Array<{
    periodStart: string;
    environment: string | null;
    count: number | string;
  }>;
  return rows.map(row => ({ ...row, count: Number(row.count) }));
}
