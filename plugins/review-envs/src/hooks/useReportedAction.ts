import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useState } from 'react';

/**
 * Runs a user's action against the backend, tells them how it went in a
 * toast, and calls `onSettled` (to reload) either way.
 */
export function useReportedAction(onSettled: () => void) {
  const toastApi = useApi(toastApiRef);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>, done: string) => {
      setBusy(true);
      try {
        await action();
        toastApi.post({ title: done, status: 'success', timeout: 5000 });
      } catch (error) {
        toastApi.post({ title: (error as Error).message, status: 'danger' });
      } finally {
        setBusy(false);
        onSettled();
      }
    },
    [toastApi, onSettled],
  );
  return { run, busy };
}
