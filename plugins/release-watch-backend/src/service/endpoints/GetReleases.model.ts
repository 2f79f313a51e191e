import {
  Okr,
  ReleasesResponse,
  ReleaseSummary,
  Scope,
} from '@internal/plugin-release-watch-common';
import { ReportStore } from '../../store/ReportStore';
import { rangeOf, RangeQuery, scopeOf, ScopeQuery } from '../queryParams';
import { nearestRank, upperFence } from '../reports/percentiles';
import { sprintReport } from '../reports/sprintReport';

const LIMIT = 500;

const isoTime = (ms: number | string) => new Date(Number(ms)).toISOString();

export interface GetReleasesModel {
  /** Releases started in the range with their time to production, outliers marked, and the sprint report. */
  getReleases(query: ScopeQuery & RangeQuery): Promise<ReleasesResponse>;
}

export class GetReleasesModelImpl implements GetReleasesModel {
  constructor(
    private readonly store: Pick<
      ReportStore,
      'startedReleases' | 'measurements'
    >,
    private readonly okrs: { okrsFor(filter: Scope): Promise<Okr[]> },
  ) {}

  async getReleases(query: ScopeQuery & RangeQuery) {
    const filter = scopeOf(query);
    const started = await this.store.startedReleases(
      filter,
      rangeOf(query),
      LIMIT,
    );
    const keyOf = (r: { subject: string; version: string }) =>
      `ttp:${r.subject}:${r.version}`;
    const measured = await this.store.measurements(started.map(keyOf));
    const rows = started.map(r => ({ ...r, ttp: measured.get(keyOf(r)) }));

    const target = await this.targetHours(filter);
    const groupTargets = new Map<string | null, number | null>();
    for (const group of new Set(rows.map(r => r.group_name))) {
      groupTargets.set(
        group,
        await this.targetHours(group ? { kind: 'group', group } : filter),
      );
    }
    const hours = rows
      .flatMap(r => (r.ttp ? [r.ttp.value] : []))
      .sort((a, b) => a - b);
    // An outlier is unusually slow for this set (past the upper fence) and
    // slower than the target; with too few releases for a fence, slower
    // than the target.
    const fence = upperFence(hours);
    const threshold =
      fence === null ? target : Math.max(fence, target ?? -Infinity);
    const releases: ReleaseSummary[] = rows.map(row => {
      const ttp = row.ttp?.value ?? null;
      return {
        entityRef: row.entity_ref,
        group: row.group_name,
        version: row.version,
        startedAt: isoTime(row.at),
        deployedAt: row.ttp ? isoTime(row.ttp.at) : null,
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

  /** The time-to-production target of the objective that applies to a scope. */
  private async targetHours(filter: Scope): Promise<number | null> {
    const okr = (await this.okrs.okrsFor(filter)).find(
      o => o.metric === 'time_to_production',
    );
    return okr?.target ?? null;
  }
}
