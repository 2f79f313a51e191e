import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { migratedClient } from '@internal/backend-plugin-utils';
import { CatalogEntityDirectory } from './attribution/EntityDirectory';
import { readGroupRules } from './attribution/groups';
import { readOkrs } from './okrs/readOkrs';
import { createRouter } from './router';
import { ReportService } from './service/ReportService';
import { EventStore } from './store/EventStore';
import { RollupStore } from './store/RollupStore';

export const releaseWatchPlugin = createBackendPlugin({
  pluginId: 'release-watch',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const okrs = readOkrs(config);
        const knex = await migratedClient(
          deps.database,
          '@internal/plugin-release-watch-backend',
        );
        const directory = new CatalogEntityDirectory(
          deps.catalog,
          deps.auth,
          readGroupRules(config),
        );
        const events = new EventStore(knex, directory);
        const rollups = new RollupStore(knex, logger);
        const refresh = () =>
          rollups
            .refreshStale()
            .catch(error =>
              logger.error(`Refreshing release-watch rollups failed: ${error}`),
            );
        events.onChange(() => {
          refresh();
        });
        // Another replica's ingest marks periods stale too; this picks them up.
        await scheduler.scheduleTask({
          id: 'release-watch-rollups',
          frequency: { seconds: 30 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 5 },
          fn: async () => {
            await refresh();
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            events,
            reports: new ReportService(knex, rollups, okrs),
            directory,
            knex,
            settle: () => rollups.settle(),
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
