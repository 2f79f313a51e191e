import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { tenantScaffolderPermissions } from '@internal/plugin-tenant-scaffolder-common';
import { DatabaseTenantStore } from './database/DatabaseTenantStore';
import { createHealthRouter } from './service/healthRouter';
import { createTenantsRouter } from './service/tenantsRouter';
import { TenantRegistry } from './service/TenantRegistry';

export const tenantScaffolderPlugin = createBackendPlugin({
  pluginId: 'tenant-scaffolder',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init(deps) {
        const { database, httpAuth, httpRouter, permissions } = deps;
        deps.permissionsRegistry.addPermissions(tenantScaffolderPermissions);

        const registry = new TenantRegistry(
          await DatabaseTenantStore.create({ database }),
        );
        httpRouter.use(
          await createTenantsRouter({ httpAuth, permissions, registry }),
        );
        httpRouter.use(createHealthRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
