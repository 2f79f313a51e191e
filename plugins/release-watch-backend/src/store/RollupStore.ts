import { LoggerService } from '@backstage/backend-plugin-api';
import { Period, Scope } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { RollupRow, TABLES } from './tables';

type StalePeriod = {
  metric: string;
  period: Period;
  period_start: string;
  generation: number;
};

const SCOPE_COLUMNS = {
  org: undefined,
  group: 'group_name',
  entity: 'entity_ref',
} as const;

/**
 * Per metric, period and scope (organisation, group, entity): count, sum and
 * exact nearest-rank median and p90, kept up to date from the measurements so
 * that reading a year of weeks is a primary-key range scan, not a
 * percentile over every event.
 */
export class RollupStore {
  private running?: Promise<number>;
  private again = false;

  constructor(
    private readonly knex: Knex,
    private readonly logger?: LoggerService,
  ) {}

  /** Recomputes every stale period; concurrent callers share one run. Returns periods refreshed. */
  refreshStale(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.refreshLoop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Waits for any refresh under way, then refreshes what is still stale. */
  async settle(): Promise<void> {
    await this.running;
    await this.refreshStale();
  }

  async staleCount(): Promise<number> {
    const row = await this.knex(TABLES.stalePeriods).count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  async read(options: {
    metric: string;
    period: Period;
    scope: Scope;
    from: string;
    to: string;
  }): Promise<RollupRow[]> {
    const rows: RollupRow[] = await this.knex(TABLES.rollups)
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
      count: Number(row.count),
      sum: Number(row.sum),
      p50: row.p50 === null ? null : Number(row.p50),
      p90: row.p90 === null ? null : Number(row.p90),
    }));
  }

  private async refreshLoop(): Promise<number> {
    let refreshed = 0;
    do {
      this.again = false;
      const stale: StalePeriod[] = await this.knex(TABLES.stalePeriods)
        .select()
        .orderBy(['metric', 'period', 'period_start'])
        .limit(500);
      for (const period of stale) {
        try {
          await this.refreshPeriod(period);
          refreshed += 1;
        } catch (error) {
          // Another replica refreshing the same period at once: it stays
          // stale and the next run takes it again.
          this.logger?.warn(
            `Rollup of ${period.metric} ${period.period} ${period.period_start} failed, will retry: ${error}`,
          );
        }
      }
      if (stale.length === 500) {
        this.again = true;
      }
    } while (this.again);
    return refreshed;
  }

  private async refreshPeriod(stale: StalePeriod) {
    const column = stale.period === 'week' ? 'week_start' : 'month_start';
    const rows: RollupRow[] = [];
    for (const kind of ['org', 'group', 'entity'] as const) {
      const computed = await this.compute(stale, column, SCOPE_COLUMNS[kind]);
      rows.push(
        ...computed.map((row: any) => ({
          metric: stale.metric,
          period: stale.period,
          period_start: stale.period_start,
          scope_kind: kind,
          scope: String(row.scope),
          count: Number(row.count),
          sum: Number(row.sum),
          p50: row.p50 === null ? null : Number(row.p50),
          p90: row.p90 === null ? null : Number(row.p90),
          unit: row.unit ?? null,
        })),
      );
    }
    await this.knex.transaction(async trx => {
      await trx(TABLES.rollups)
        .where({
          metric: stale.metric,
          period: stale.period,
          period_start: stale.period_start,
        })
        .delete();
      for (let i = 0; i < rows.length; i += 400) {
        await trx(TABLES.rollups).insert(rows.slice(i, i + 400));
      }
      await trx(TABLES.stalePeriods)
        .where({
          metric: stale.metric,
          period: stale.period,
          period_start: stale.period_start,
          generation: stale.generation,
        })
        .delete();
    });
  }

  /**
   * Nearest-rank percentiles (the value at rank ceil(p·n)) with window
   * functions both SQLite and PostgreSQL have, so both give the same,
   * observed value.
   */
  private compute(
    stale: StalePeriod,
    periodColumn: string,
    scopeColumn: string | undefined,
  ) {
    const { knex } = this;
    const partition = scopeColumn ? `partition by ${scopeColumn}` : '';
    const ranked = knex(TABLES.measurements)
      .select({
        scope: scopeColumn ? scopeColumn : knex.raw("''"),
        value: 'value',
        unit: 'unit',
      })
      .select(
        knex.raw(`row_number() over (${partition} order by value) as rn`),
        knex.raw(`count(*) over (${partition}) as n`),
      )
      .where('metric', stale.metric)
      .where(periodColumn, stale.period_start);
    if (scopeColumn) {
      ranked.whereNotNull(scopeColumn);
    }
    return knex
      .from(ranked.as('ranked'))
      .select('scope')
      .max({ count: 'n', unit: 'unit' })
      .sum({ sum: 'value' })
      .select(
        knex.raw(
          'max(case when rn = (n * 50 + 99) / 100 then value end) as p50',
        ),
        knex.raw(
          'max(case when rn = (n * 90 + 99) / 100 then value end) as p90',
        ),
      )
      .groupBy('scope');
  }
}

export function scopeValue(scope: Scope): string {
  if (scope.kind === 'group') {
    return scope.group;
  }
  if (scope.kind === 'entity') {
    return scope.entityRef;
  }
  return '';
}
