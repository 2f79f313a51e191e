import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  RangeQuery,
  releaseWatchApiRef,
  ScopeQuery,
} from '../api/ReleaseWatchApi';

/** The five DORA keys of the query's scope over its range; reloads when the query changes. */
export function useSummary(query: ScopeQuery & RangeQuery) {
  const api = useApi(releaseWatchApiRef);
  const { from, to, group, entityRef, owner } = query;
  return useAsync(
    () => api.getSummary({ from, to, group, entityRef, owner }),
    [api, from, to, group, entityRef, owner],
  );
}
