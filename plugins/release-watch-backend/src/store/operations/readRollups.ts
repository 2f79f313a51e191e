import { Period, Scope } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { rollupFigures, RollupRow, TABLES } from '../tables';

/** A metric's rollups of one scope, from one period start to another. */
export async function readRollups(
  knex: Knex,
  options: {
    metric: string;
    period: Period;
    scope: Scope;
    from: string;
    to: string;
  },
): Promise<RollupRow[]> {
  const rows: RollupRow[] = await knex(TABLES.rollups)
    .where({
      metric: options.metric,
      period: options.period,
      scope_kind: options.scope.kind,
      scope: scopeValue(options.scope),
    })
    .whereBetween('period_start', [options.from, options.to])
    .orderBy('period_start');
  return rows.map(row => ({
    ...row,
    ...rollupFigures(row),
  }));
}

function scopeValue(scope: Scope): string {
  if (scope.kind === 'group') {
    return scope.group;
  }
  if (scope.kind === 'entity') {
    return scope.entityRef;
  }
  // A team has no rollups of its own (ReportStore.periodFigures computes them).
  return scope.kind === 'owner' ? scope.owner : '';
}
