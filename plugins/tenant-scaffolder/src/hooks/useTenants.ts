import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  TenantListQuery,
  tenantScaffolderApiRef,
} from '../api/TenantScaffolderApi';

/** The tenants matching the filters; reloads when they change. */
export function useTenants(query: TenantListQuery) {
  const api = useApi(tenantScaffolderApiRef);
  const { status, plan } = query;
  return useAsyncRetry(
    () => api.listTenants({ status, plan }),
    [api, status, plan],
  );
}
