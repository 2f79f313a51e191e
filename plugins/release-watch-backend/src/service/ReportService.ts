import {
  DeploymentsByEnvironmentResponse,
  metricDefinition,
  MetricId,
  Okr,
  OkrReport,
  Period,
  ReleasesResponse,
  ReleaseSummary,
  Scope,
  SeriesPoint,
  SeriesResponse,
} from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { expectedOn, forecastOn, okrStatus } from '../okrs/trajectory';
import { periodStarts, weeksIn } from '../store/periods';
import { RollupStore } from '../store/RollupStore';
import { TABLES } from '../store/tables';

export type Range = { from: number; to: number };

/** Reads the numbers the Release Watch page shows: series, OKR reports, releases. */
export class ReportService {
  constructor(
    private readonly knex: Knex,
    private readonly rollups: RollupStore,
    private readonly okrs: { all(): Promise<Okr[]> },
  ) {}

  async series(options: {
    metric: MetricId;
    scope: Scope;
    period: Period;
    range: Range;
  }): Promise<SeriesResponse> {
    const { metric, scope, period, range } = options;
    const starts = periodStarts(period, range.from, range.to);
    const rows = await this.rollups.read({
      metric,
      period,
      scope,
      from: starts[0],
      to: starts[starts.length - 1],
    });
    const definition = metricDefinition(metric, rows[0]?.unit ?? '');
    const byStart = new Map(rows.map(row => [row.period_start, row]));
    const points: SeriesPoint[] = starts.map(start => {
      const row = byStart.get(start);
      if (!row) {
        return {
          periodStart: start,
          count: 0,
          value: definition.headline === 'count' ? 0 : null,
          median: null,
          p90: null,
        };
      }
      let value: number | null = row.p50;
      if (definition.headline === 'count') {
        value = row.count / weeksIn(period, start);
      } else if (definition.headline === 'rate') {
        value = row.count ? row.sum / row.count : null;
      }
      return {
        periodStart: start,
        count: row.count,
        value,
        median: row.p50,
        p90: row.p90,
      };
    });
    return {
      metric,
      title: definition.title,
      unit: definition.unit,
      scope,
      period,
      points,
    };
  }

  /** Successful production deployments per environment and period. */
  async deploymentsByEnvironment(
    filter: Scope,
    period: Period,
    range: Range,
  ): Promise<DeploymentsByEnvironmentResponse> {
    const column = period === 'week' ? 'week_start' : 'month_start';
    const starts = periodStarts(period, range.from, range.to);
    const rows = (await scoped(
      this.knex(TABLES.measurements)
        .where('metric', 'deployment_frequency')
        .whereBetween(column, [starts[0], starts[starts.length - 1]]),
      filter,
    )
      .groupBy(column, 'label')
      .select({ periodStart: column, environment: 'label' })
      .count({ count: '*' })) as Array<{
      periodStart: string;
      environment: string | null;
      count: number | string;
    }>;
    const byEnvironment = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const environment = row.environment ?? 'unknown';
      const counts = byEnvironment.get(environment) ?? new Map();
      counts.set(row.periodStart, Number(row.count));
      byEnvironment.set(environment, counts);
    }
    const environments = [...byEnvironment].map(([environment, counts]) => ({
      environment,
      total: [...counts.values()].reduce((a, b) => a + b, 0),
      points: starts.map(start => ({
        periodStart: start,
        count: counts.get(start) ?? 0,
      })),
    }));
    environments.sort(
      (a, b) => b.total - a.total || a.environment.localeCompare(b.environment),
    );
    return { period, environments };
  }

  /** The objectives that apply to a filter, scoped to it. */
  async okrsFor(filter: Scope): Promise<Okr[]> {
    const okrs = await this.okrs.all();
    if (filter.kind === 'org') {
      return okrs;
    }
    const own = okrs.filter(okr => sameScope(okr.scope, filter));
    const inherited = okrs
      .filter(
        okr =>
          okr.scope.kind === 'org' && !own.some(o => o.metric === okr.metric),
      )
      .map(okr => ({
        ...okr,
        id: `${okr.id}@${scopeLabel(filter)}`,
        scope: filter,
      }));
    return [...own, ...inherited];
  }

  async okrReports(
    filter: Scope,
    period: Period,
    range: Range,
  ): Promise<OkrReport[]> {
    return Promise.all(
      (await this.okrsFor(filter)).map(okr =>
        this.okrReport(okr, period, range),
      ),
    );
  }

  private async okrReport(
    okr: Okr,
    period: Period,
    range: Range,
  ): Promise<OkrReport> {
    const { points } = await this.series({
      metric: okr.metric,
      scope: okr.scope,
      period,
      range,
    });
    const latest = [...points].reverse().find(p => p.count > 0);
    const current = latest?.value ?? null;
    const expectedNow = latest ? expectedOn(okr, latest.periodStart) : null;
    // Every metric here is a duration, count, share or sample: never below 0.
    const trend = forecastOn(points, okr.dueDate);
    const forecastAtDue = trend === undefined ? null : Math.max(0, trend);
    const definition = metricDefinition(okr.metric);
    let shareMeetingTarget: number | null = null;
    if (latest && definition.headline === 'median') {
      const column = period === 'week' ? 'week_start' : 'month_start';
      const counted = await scoped(
        this.knex(TABLES.measurements)
          .where('metric', okr.metric)
          .where(column, latest.periodStart),
        okr.scope,
      )
        .select(
          this.knex.raw('count(*) as total'),
          this.knex.raw(
            `sum(case when value ${
              okr.lowerIsBetter ? '<=' : '>='
            } ? then 1 else 0 end) as meeting`,
            [okr.target],
          ),
        )
        .first();
      const total = Number(counted?.total ?? 0);
      shareMeetingTarget = total ? Number(counted?.meeting ?? 0) / total : null;
    }
    return {
      okr,
      current,
      currentPeriodStart: latest?.periodStart ?? null,
      change: current === null ? null : current - okr.baseline,
      expectedNow,
      forecastAtDue,
      status: okrStatus({
        current,
        expectedNow,
        forecastAtDue,
        target: okr.target,
        lowerIsBetter: okr.lowerIsBetter,
      }),
      shareMeetingTarget,
      points,
    };
  }

  /** Releases started in the range with their time to production, outliers marked, and the sprint report. */
  async releases(
    filter: Scope,
    range: Range,
    limit = 500,
  ): Promise<ReleasesResponse> {
    const started: Array<{
      subject: string;
      entity_ref: string | null;
      group_name: string | null;
      version: string;
      at: number | string;
    }> = await scoped(
      this.knex(TABLES.events)
        .whereRaw("kind = 'release'")
        .whereBetween('at', [range.from, range.to]),
      filter,
    )
      .select('subject', 'entity_ref', 'group_name', 'version', 'at')
      .orderBy('at', 'desc')
      .limit(limit);
    const keyOf = (r: { subject: string; version: string }) =>
      `ttp:${r.subject}:${r.version}`;
    const measured = new Map<string, { at: number; value: number }>();
    for (let i = 0; i < started.length; i += 400) {
      const found = await this.knex(TABLES.measurements)
        .whereIn('key', started.slice(i, i + 400).map(keyOf))
        .select('key', 'at', 'value');
      found.forEach(m =>
        measured.set(m.key, { at: Number(m.at), value: Number(m.value) }),
      );
    }
    const rows = started.map(r => {
      const m = measured.get(keyOf(r));
      return { ...r, deployed_at: m?.at ?? null, hours: m?.value ?? null };
    });

    const target = await this.targetHours(filter);
    const groupTargets = new Map<string | null, number | null>();
    for (const group of new Set(rows.map(r => r.group_name))) {
      groupTargets.set(
        group,
        await this.targetHours(group ? { kind: 'group', group } : filter),
      );
    }
    const hours = rows
      .map(r => (r.hours === null ? null : Number(r.hours)))
      .filter((h): h is number => h !== null)
      .sort((a, b) => a - b);
    // An outlier is unusually slow for this set (past the upper fence) and
    // slower than the target; with too few releases for a fence, slower
    // than the target.
    const fence = upperFence(hours);
    const threshold =
      fence === null ? target : Math.max(fence, target ?? -Infinity);
    const releases: ReleaseSummary[] = rows.map(row => {
      const ttp = row.hours === null ? null : Number(row.hours);
      return {
        entityRef: row.entity_ref,
        group: row.group_name,
        version: row.version,
        startedAt: new Date(Number(row.at)).toISOString(),
        deployedAt:
          row.deployed_at === null
            ? null
            : new Date(Number(row.deployed_at)).toISOString(),
        timeToProductionHours: ttp,
        outlier: ttp !== null && threshold !== null && ttp > threshold,
      };
    });
    return {
      releases,
      count: releases.length,
      deployed: hours.length,
      medianHours: nearestRank(hours, 0.5),
      p90Hours: nearestRank(hours, 0.9),
      targetHours: target,
      shareUnderTarget:
        target !== null && hours.length
          ? hours.filter(h => h <= target).length / hours.length
          : null,
      report: sprintReport(releases, g => groupTargets.get(g) ?? null),
    };
  }

  private async targetHours(filter: Scope): Promise<number | null> {
    const okr = (await this.okrsFor(filter)).find(
      o => o.metric === 'time_to_production',
    );
    return okr?.target ?? null;
  }
}

function sameScope(a: Scope, b: Scope) {
  return (
    a.kind === b.kind &&
    (a.kind === 'org' ||
      (a.kind === 'group' && b.kind === 'group' && a.group === b.group) ||
      (a.kind === 'entity' &&
        b.kind === 'entity' &&
        a.entityRef === b.entityRef))
  );
}

function scopeLabel(scope: Scope) {
  if (scope.kind === 'group') return scope.group;
  if (scope.kind === 'entity') return scope.entityRef;
  return 'org';
}

function scoped<T extends Knex.QueryBuilder>(query: T, scope: Scope): T {
  if (scope.kind === 'group') {
    query.where('group_name', scope.group);
  } else if (scope.kind === 'entity') {
    query.where('entity_ref', scope.entityRef);
  }
  return query;
}

/** The value at rank ceil(p·n) of sorted values. */
export function nearestRank(sorted: number[], p: number): number | null {
  if (sorted.length === 0) {
    return null;
  }
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** Q3 + 1.5 IQR: the usual fence past which a value is an outlier. */
function upperFence(sorted: number[]): number | null {
  if (sorted.length < 4) {
    return null;
  }
  const q1 = nearestRank(sorted, 0.25)!;
  const q3 = nearestRank(sorted, 0.75)!;
  return q3 + 1.5 * (q3 - q1);
}

const formatHours = (hours: number) =>
  hours < 2
    ? `${Math.round(hours * 60)} minutes`
    : `${Math.round(hours * 10) / 10} hours`;

/**
 * The sentences a team used to write by hand, per group: "backend: 4 of 5
 * releases under 3 hours, one outlier at 24 hours; average 7.4 hours".
 */
export function sprintReport(
  releases: ReleaseSummary[],
  targetFor: (group: string | null) => number | null,
): string[] {
  const groups = [...new Set(releases.map(r => r.group))].sort((a, b) =>
    String(a).localeCompare(String(b)),
  );
  return groups.flatMap(group => {
    const deployed = releases.filter(
      r => r.group === group && r.timeToProductionHours !== null,
    );
    if (deployed.length === 0) {
      return [];
    }
    const hours = deployed.map(r => r.timeToProductionHours!);
    const average = hours.reduce((a, b) => a + b, 0) / hours.length;
    const target = targetFor(group);
    const parts = [`${group ?? 'unattributed'}:`];
    if (target !== null) {
      const under = hours.filter(h => h <= target).length;
      parts.push(
        `${under} of ${deployed.length} releases under ${formatHours(target)}`,
      );
    } else {
      parts.push(`${deployed.length} releases`);
    }
    const outliers = deployed
      .filter(r => r.outlier)
      .map(r => r.timeToProductionHours!);
    const outlierText =
      outliers.length === 0
        ? ''
        : `, ${
            outliers.length === 1
              ? 'one outlier'
              : `${outliers.length} outliers`
          } at ${outliers
            .sort((a, b) => b - a)
            .slice(0, 3)
            .map(formatHours)
            .join(', ')}`;
    return [
      `${parts.join(' ')}${outlierText}; average ${formatHours(average)}`,
    ];
  });
}
