import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { reviewEnvsApiRef } from '../api/ReviewEnvsApi';

/** The shared-environment locks, refreshed every `pollMs` so holders and queues stay live. */
export function useSharedEnvironmentLocks(pollMs = 5000) {
  const api = useApi(reviewEnvsApiRef);
  const state = useAsyncRetry(() => api.listLocks(), [api]);
  useInterval(state.retry, pollMs);
  return {
    locks: state.value,
    loading: state.loading && !state.value,
    error: state.error,
    refresh: state.retry,
  };
}
