import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { ReviewEnvsApi, reviewEnvsApiRef } from '../api/ReviewEnvsApi';

/** Loads from the review-envs API and loads again every `pollMs`, so what is shown stays live. */
export function usePolled<T>(
  load: (api: ReviewEnvsApi) => Promise<T>,
  pollMs = 5000,
) {
  const api = useApi(reviewEnvsApiRef);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsyncRetry(() => load(api), [api]);
  useInterval(state.retry, pollMs);
  return {
    value: state.value,
    loading: state.loading && !state.value,
    error: state.error,
    refresh: state.retry,
  };
}
