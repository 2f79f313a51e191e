import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import BusinessIcon from '@material-ui/icons/Business';
import { rootRouteRef } from './routes';

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

export const tenantScaffolderPlugin = createFrontendPlugin({
  pluginId: 'tenant-scaffolder',
  title: 'Tenants',
  extensions: [tenantScaffolderPage],
  routes: { root: rootRouteRef },
});
