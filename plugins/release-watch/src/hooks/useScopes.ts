import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { releaseWatchApiRef } from '../api/ReleaseWatchApi';

/** The groups and entities there are numbers for, to choose from. */
export function useScopes() {
  const api = useApi(releaseWatchApiRef);
  return useAsync(() => api.getScopes(), [api]);
}
