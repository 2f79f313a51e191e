import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { releaseWatchApiRef, ReleasesQuery } from '../api/ReleaseWatchApi';

/** The releases started in the query's range, with the sprint report; reloads when the query changes. */
export function useReleases(query: ReleasesQuery) {
  const api = useApi(releaseWatchApiRef);
  const { from, to, group, entityRef, owner } = query;
  return useAsync(
    () => api.getReleases({ from, to, group, entityRef, owner }),
    [api, from, to, group, entityRef, owner],
  );
}
