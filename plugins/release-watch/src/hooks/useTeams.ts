import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { RangeQuery, releaseWatchApiRef } from '../api/ReleaseWatchApi';

/** Every team's five DORA keys over the range. */
export function useTeams(query: RangeQuery) {
  const api = useApi(releaseWatchApiRef);
  const { from, to } = query;
  return useAsync(() => api.getTeams({ from, to }), [api, from, to]);
}
