import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { reviewEnvsPermissions } from '@internal/plugin-review-envs-common';
import { DatabaseLockStore } from './database/DatabaseLockStore';
import { SharedEnvironmentLocks } from './locks/SharedEnvironmentLocks';
import { readSharedEnvironments } from './locks/SharedEnvironmentsConfig';
import { createRouter } from './service/router';

export const reviewEnvsPlugin = createBackendPlugin({
  pluginId: 'review-envs',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        database,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
      }) {
        permissionsRegistry.addPermissions(reviewEnvsPermissions);
        const locks = await SharedEnvironmentLocks.create({
          store: await DatabaseLockStore.create({ database }),
          environments: readSharedEnvironments(config),
        });
        httpRouter.use(await createRouter({ httpAuth, permissions, locks }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
