import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  EnvironmentsResponse,
  MetricId,
  OkrReportResponse,
  Period,
  ReleasesResponse,
  ScopesResponse,
  SeriesResponse,
  SummaryResponse,
  TeamsResponse,
} from '@internal/plugin-release-watch-common';

export type { ScopesResponse };

/**
 * Whose numbers: a group, or one entity (it wins over the group), or a team
 * (`owner`, a catalog Group's ref; it wins over both); none means the
 * organisation.
 */
export type ScopeQuery = { group?: string; entityRef?: string; owner?: string };

/** `YYYY-MM-DD`, both days included. */
export type RangeQuery = { from: string; to: string };

export type ReportQuery = ScopeQuery & RangeQuery & { period: Period };
export type ReleasesQuery = ScopeQuery & RangeQuery;
/** The environments named, or none for every production environment. */
export type EnvironmentsQuery = RangeQuery & { environment?: string[] };
export type SeriesQuery = ReportQuery & { metric: MetricId };

/** The release-watch backend, as the frontend uses it. */
export interface ReleaseWatchApi {
  getOkrReports(query: ReportQuery): Promise<OkrReportResponse>;
  getSeries(query: SeriesQuery): Promise<SeriesResponse>;
  getReleases(query: ReleasesQuery): Promise<ReleasesResponse>;
  getScopes(): Promise<ScopesResponse>;
  /** Per production environment (per tenant): deploys per week, change failure rate, last version. */
  getEnvironments(query: EnvironmentsQuery): Promise<EnvironmentsResponse>;
  /** The five DORA keys of a scope over a range, with bands and trends. */
  getSummary(query: ScopeQuery & RangeQuery): Promise<SummaryResponse>;
  /** Every team (catalog Group owning measured entities) with its five DORA keys. */
  getTeams(query: RangeQuery): Promise<TeamsResponse>;
}

export const releaseWatchApiRef = createApiRef<ReleaseWatchApi>().with({
  id: 'plugin.release-watch.service',
  pluginId: 'release-watch',
});
