import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { backendClientApi } from '@internal/frontend-plugin-utils';
import BusinessIcon from '@material-ui/icons/Business';
import { tenantScaffolderApiRef } from './api/TenantScaffolderApi';
import { TenantScaffolderClient } from './api/TenantScaffolderClient';
import { tenantReleaseWatchApiRef } from './api/TenantReleaseWatchApi';
import { TenantReleaseWatchClient } from './api/TenantReleaseWatchClient';
import { rootRouteRef } from './routes';

export const tenantScaffolderApi = backendClientApi(
  tenantScaffolderApiRef,
  TenantScaffolderClient,
);

/** Release Watch's figures of a tenant's production environment, for its page. */
export const tenantReleaseWatchApi = backendClientApi(
  tenantReleaseWatchApiRef,
  TenantReleaseWatchClient,
  { name: 'release-watch' },
);

/** `/tenants` lists the tenants; `/tenants/:slug` shows one. */
export const tenantScaffolderPage = PageBlueprint.make({
  params: {
    path: '/tenants',
    title: 'Tenants',
    icon: <BusinessIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TenantScaffolderPage').then(m => (
        <m.TenantScaffolderPage />
      )),
  },
});

/** `ui:field: TenantSlugPicker`: a slug field that checks availability as you type. */
export const tenantSlugPickerFormField = FormFieldBlueprint.make({
  name: 'tenant-slug-picker',
  params: {
    field: () =>
      import('./components/TenantSlugPicker/field').then(
        m => m.tenantSlugPickerField,
      ),
  },
});

/** `ui:field: TenantPalettePicker`: the tenant's three colours with a preview. */
export const tenantPalettePickerFormField = FormFieldBlueprint.make({
  name: 'tenant-palette-picker',
  params: {
    field: () =>
      import('./components/TenantPalettePicker/field').then(
        m => m.tenantPalettePickerField,
      ),
  },
});

/** On the home page: create a tenant or a service, and the tenants by status. */
export const tenantsHomeWidget = HomePageWidgetBlueprint.make({
  name: 'tenants',
  params: {
    name: 'Tenants',
    title: 'Tenants and services',
    description:
      'Create a tenant or a service; how many tenants are in each status',
    components: () =>
      import('./components/TenantsHomeWidget').then(m => ({
        Content: m.TenantsHomeWidget,
      })),
  },
});

export const tenantScaffolderPlugin = createFrontendPlugin({
  pluginId: 'tenant-scaffolder',
  title: 'Tenants',
  extensions: [
    tenantScaffolderApi,
    tenantReleaseWatchApi,
    tenantScaffolderPage,
    tenantSlugPickerFormField,
    tenantPalettePickerFormField,
    tenantsHomeWidget,
  ],
  routes: { root: rootRouteRef },
});
