import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { EnvironmentsQuery, releaseWatchApiRef } from '../api/ReleaseWatchApi';

/** Every production environment's figures over the range; reloads when the range changes. */
export function useEnvironments(query: EnvironmentsQuery) {
  const api = useApi(releaseWatchApiRef);
  const { from, to } = query;
  return useAsync(() => api.getEnvironments({ from, to }), [api, from, to]);
}
