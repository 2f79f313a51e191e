import { Knex } from 'knex';
import { StoreScope } from '../scoped';
import { TABLES } from '../tables';

/**
 * The count and sum of a metric's measurements in whole weeks, from the
 * weekly rollups (settled first by the caller): the organisation's, a
 * group's, an entity's, or a team's entities' added up.
 */
export async function sumWeeklyRollups(
  knex: Knex,
  options: {
    metric: string;
    scope: StoreScope;
    fromWeek: string;
    toWeek: string;
  },
): Promise<{ count: number; sum: number }> {
  const { metric, scope } = options;
  const query = knex(TABLES.rollups)
    .where({ metric, period: 'week' })
    .whereBetween('period_start', [options.fromWeek, options.toWeek]);
  if (scope.kind === 'owner') {
    query.where('scope_kind', 'entity').whereIn('scope', scope.entityRefs);
  } else if (scope.kind === 'group') {
    query.where({ scope_kind: 'group', scope: scope.group });
  } else if (scope.kind === 'entity') {
    query.where({ scope_kind: 'entity', scope: scope.entityRef });
  } else {
    query.where({ scope_kind: 'org', scope: '' });
  }
  const row = await query
    .select(knex.raw('sum(count) as n'), knex.raw('sum(sum) as total'))
    .first();
  return { count: Number(row?.n ?? 0), sum: Number(row?.total ?? 0) };
}
