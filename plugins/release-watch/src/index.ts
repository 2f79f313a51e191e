export { releaseWatchPlugin as default } from './plugin';
export { releaseWatchApiRef } from './api/ReleaseWatchApi';
export type {
  RangeQuery,
  ReleasesQuery,
  ReleaseWatchApi,
  ReportQuery,
  ScopeQuery,
  ScopesResponse,
  SeriesQuery,
} from './api/ReleaseWatchApi';
export { ReleaseWatchClient } from './api/ReleaseWatchClient';
