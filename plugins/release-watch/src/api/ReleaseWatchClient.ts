import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  OkrReportResponse,
  ReleasesResponse,
  SeriesResponse,
} from '@internal/plugin-release-watch-common';
import {
  ReleasesQuery,
  ReleaseWatchApi,
  ReportQuery,
  ScopeQuery,
  ScopesResponse,
  SeriesQuery,
} from './ReleaseWatchApi';

export class ReleaseWatchClient implements ReleaseWatchApi {
  constructor(
    private readonly options: {
      discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
      fetchApi: FetchApi;
    },
  ) {}

  getOkrReports(query: ReportQuery) {
    return this.get<OkrReportResponse>('/okrs', [
      ['period', query.period],
      ['from', query.from],
      ['to', query.to],
      ...scopeParams(query),
    ]);
  }

  getSeries(query: SeriesQuery) {
    return this.get<SeriesResponse>('/series', [
      ['metric', query.metric],
      ['period', query.period],
      ['from', query.from],
      ['to', query.to],
      ...scopeParams(query),
    ]);
  }

  getReleases(query: ReleasesQuery) {
    return this.get<ReleasesResponse>('/releases', [
      ['from', query.from],
      ['to', query.to],
      ...scopeParams(query),
    ]);
  }

  getScopes() {
    return this.get<ScopesResponse>('/scopes', []);
  }

  private async get<T>(
    path: string,
    params: Array<[string, string]>,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('release-watch');
    const query = new URLSearchParams(params).toString();
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}${query ? `?${query}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** An entity wins over its group: the backend takes one of them. */
function scopeParams(query: ScopeQuery): Array<[string, string]> {
  if (query.entityRef) return [['entityRef', query.entityRef]];
  if (query.group) return [['group', query.group]];
  return [];
}
