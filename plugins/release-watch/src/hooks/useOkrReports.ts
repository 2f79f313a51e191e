import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { releaseWatchApiRef, ReportQuery } from '../api/ReleaseWatchApi';

/** The objectives of the query's scope, measured over its range; reloads when the query changes. */
export function useOkrReports(query: ReportQuery) {
  const api = useApi(releaseWatchApiRef);
  const { period, from, to, group, entityRef, owner } = query;
  return useAsync(
    () => api.getOkrReports({ period, from, to, group, entityRef, owner }),
    [api, period, from, to, group, entityRef, owner],
  );
}
