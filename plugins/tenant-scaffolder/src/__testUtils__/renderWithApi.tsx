import {
  renderInTestApp,
  TestAppOptions,
} from '@backstage/frontend-test-utils';
import {
  TenantScaffolderApi,
  tenantScaffolderApiRef,
} from '../api/TenantScaffolderApi';
import { rootRouteRef } from '../routes';

/**
 * Renders `element` in a test app that answers with `api` and mounts the
 * plugin's pages at `/tenants`; `options` places the element on a route.
 */
export function renderWithApi(
  element: JSX.Element,
  api: TenantScaffolderApi,
  options: Pick<TestAppOptions, 'mountPath' | 'initialRouteEntries'> = {},
) {
  return renderInTestApp(element, {
    apis: [[tenantScaffolderApiRef, api]],
    mountedRoutes: { '/tenants': rootRouteRef },
    ...options,
  });
}
