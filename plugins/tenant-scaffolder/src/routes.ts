import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The Tenants page: `/tenants`. */
export const rootRouteRef = createRouteRef();

/** One tenant: `/tenants/:slug`. */
export const tenantRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/:slug',
});

/** The New tenant template's wizard. */
export const NEW_TENANT_PATH = '/create/templates/default/new-tenant';

/** The New service template's wizard. */
export const NEW_SERVICE_PATH = '/create/templates/default/new-service';
