import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { okJson } from '@internal/openapi-client';
import { ReleaseWatchApiClient } from '@internal/plugin-release-watch-common';
import {
  RangeQuery,
  ReleasesQuery,
  ReleaseWatchApi,
  ReportQuery,
  ScopeQuery,
  SeriesQuery,
  EnvironmentsQuery,
} from './ReleaseWatchApi';

/** {@link ReleaseWatchApi} over the backend's generated client; a failed call throws its ResponseError. */
export class ReleaseWatchClient implements ReleaseWatchApi {
  private readonly client: ReleaseWatchApiClient;

  constructor(options: {
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
    fetchApi: FetchApi;
  }) {
    this.client = new ReleaseWatchApiClient({
      discoveryApi: options.discoveryApi,
      fetchApi: readsByUrl(options.fetchApi),
    });
  }

  getOkrReports(query: ReportQuery) {
    const { period, from, to } = query;
    return okJson(
      this.client.getOkrReports({
        query: { period, from, to, ...scopeParams(query) },
      }),
    );
  }

  getSeries(query: SeriesQuery) {
    const { metric, period, from, to } = query;
    return okJson(
      this.client.getSeries({
        query: { metric, period, from, to, ...scopeParams(query) },
      }),
    );
  }

  getReleases(query: ReleasesQuery) {
    const { from, to } = query;
    return okJson(
      this.client.getReleases({ query: { from, to, ...scopeParams(query) } }),
    );
  }

  getEnvironments(query: EnvironmentsQuery) {
    const { from, to, environment } = query;
    return okJson(
      this.client.getEnvironments({
        query: { from, to, ...(environment && { environment }) },
      }),
    );
  }

  getScopes() {
    return okJson(this.client.getScopes({}));
  }

  getSummary(query: ScopeQuery & RangeQuery) {
    const { from, to } = query;
    return okJson(
      this.client.getSummary({ query: { from, to, ...scopeParams(query) } }),
    );
  }

  getTeams(query: RangeQuery) {
    const { from, to } = query;
    return okJson(this.client.getTeams({ query: { from, to } }));
  }
}

/** A team wins, then an entity over its group: the backend takes one of them. */
function scopeParams(query: ScopeQuery): ScopeQuery {
  if (query.owner) return { owner: query.owner };
  if (query.entityRef) return { entityRef: query.entityRef };
  if (query.group) return { group: query.group };
  return {};
}

/**
 * The frontend's fetch, given a plain read as the URL alone, as this client
 * has always sent it (the generated client spells out `method: 'GET'`).
 */
function readsByUrl(fetchApi: FetchApi): FetchApi {
  return {
    fetch: (input, init) =>
      isPlainRead(init) ? fetchApi.fetch(input) : fetchApi.fetch(input, init),
  };
}

/** A GET with no headers, body or signal: all that `fetch(url)` sends. */
function isPlainRead(init?: RequestInit) {
  return (
    init?.method === 'GET' &&
    Object.keys(init.headers ?? {}).length === 0 &&
    init.body === undefined &&
    !init.signal
  );
}
