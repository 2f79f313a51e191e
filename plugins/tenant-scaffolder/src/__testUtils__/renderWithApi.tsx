import {
  renderInTestApp,
  TestAppOptions,
} from '@backstage/frontend-test-utils';
import {
  TenantScaffolderApi,
  tenantScaffolderApiRef,
} from '../api/TenantScaffolderApi';
import {
  TenantReleaseWatchApi,
  tenantReleaseWatchApiRef,
} from '../api/TenantReleaseWatchApi';
import { rootRouteRef } from '../routes';
import { mockTenantReleaseWatchApi } from './mockTenantReleaseWatchApi';

/**
 * Renders `element` in a test app that answers with `api` and mounts the
 * plugin's pages at `/tenants`; `options` places the element on a route,
 * and may give the Release Watch figures (default: nothing reported).
 */
export function renderWithApi(
  element: JSX.Element,
  api: TenantScaffolderApi,
  options: Pick<TestAppOptions, 'mountPath' | 'initialRouteEntries'> & {
    releaseWatch?: TenantReleaseWatchApi;
  } = {},
) {
  const { releaseWatch = mockTenantReleaseWatchApi(), ...appOptions } = options;
  return renderInTestApp(element, {
    apis: [
      [tenantScaffolderApiRef, api],
      [tenantReleaseWatchApiRef, releaseWatch],
    ],
    mountedRoutes: { '/tenants': rootRouteRef },
    ...appOptions,
  });
}
