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
        scheduler: coreServices.scheduler,
      },
      async init({
        config,
        database,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        scheduler,
      }) {
        permissionsRegistry.addPermissions(reviewEnvsPermissions);
        const locks = await SharedEnvironmentLocks.create({
          store: await DatabaseLockStore.create({ database }),
          environments: readSharedEnvironments(config),
        });
        // Reading the locks expires overdue grants and hands free locks to
        // their queue; doing it every minute records both promptly even when
        // nobody looks. One replica at a time runs it.
        await scheduler.scheduleTask({
          id: 'review-envs-settle-locks',
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          scope: 'global',
          fn: async () => {
            await locks.list();
          },
        });
        httpRouter.use(await createRouter({ httpAuth, permissions, locks }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
