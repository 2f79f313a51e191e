import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  RegisteredTenant,
  TenantDetails,
  tenantScaffolderApiRef,
} from '../api/TenantScaffolderApi';

/**
 * One tenant with its ledger summary. `replace` takes the tenant a change
 * answered with, so the page shows it without another round trip.
 */
export function useTenant(slug: string) {
  const api = useApi(tenantScaffolderApiRef);
  const [tenant, setTenant] = useState<TenantDetails>();
  const { loading, error, retry } = useAsyncRetry(async () => {
    const loaded = await api.getTenant(slug);
    setTenant(loaded);
    return loaded;
  }, [api, slug]);

  const replace = useCallback(
    (changed: RegisteredTenant) =>
      setTenant(previous => ({
        ...changed,
        ledger: previous?.ledger ?? { live: 0, removed: 0 },
      })),
    [],
  );

  return { tenant, loading, error, reload: retry, replace };
}

/** Who changed what, newest first; `retry` after a change adds it. */
export function useTenantHistory(slug: string) {
  const api = useApi(tenantScaffolderApiRef);
  return useAsyncRetry(() => api.getHistory(slug), [api, slug]);
}

/** The resources provisioning made for the tenant, removed ones too. */
export function useTenantLedger(slug: string) {
  const api = useApi(tenantScaffolderApiRef);
  return useAsyncRetry(
    () => api.getLedger(slug, { includeRemoved: true }),
    [api, slug],
  );
}
