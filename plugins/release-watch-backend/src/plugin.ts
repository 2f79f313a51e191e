import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { migratedClient } from '@internal/backend-plugin-utils';
import { CatalogEntityDirectory } from './attribution/EntityDirectory';
import { readGroupRules } from './attribution/groups';
import { OkrCatalog } from './okrs/OkrCatalog';
import { readOkrs } from './okrs/readOkrs';
import { scheduleOkrWatch } from './okrs/scheduleOkrWatch';
import { createRouter } from './service/createRouter';
import { ReportService } from './service/ReportService';
import { SummaryService } from './service/SummaryService';
import { scheduleGithubPolls } from './sources/github/scheduleGithubPolls';
import { subscribeToWebhooks } from './sources/github/subscribeToWebhooks';
import { scheduleLocalGitPolls } from './sources/localGit/scheduleLocalGitPolls';
import { EventStore } from './store/EventStore';
import { ReportStore } from './store/ReportStore';
import { RollupStore } from './store/RollupStore';
import { scheduleRollupRefresh } from './store/scheduleRollupRefresh';
import { tuneSqlite } from './store/tuneSqlite';
import { CatalogTeamDirectory } from './teams/TeamDirectory';

export const releaseWatchPlugin = createBackendPlugin({
  pluginId: 'release-watch',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        githubEvents: eventsServiceRef,
        notifications: notificationService,
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
        await tuneSqlite(knex);
        const directory = new CatalogEntityDirectory(
          deps.catalog,
          deps.auth,
          readGroupRules(config),
        );
        const events = new EventStore(knex, directory);
        const rollups = new RollupStore(knex, logger);
        await scheduleRollupRefresh({ events, rollups, scheduler, logger });

        const sources = {
          config,
          knex,
          sink: events,
          scheduler,
          logger,
          directory,
        };
        await scheduleLocalGitPolls(sources);
        await scheduleGithubPolls(sources);
        await subscribeToWebhooks(deps.githubEvents, events);

        const teams = new CatalogTeamDirectory(deps.catalog, deps.auth);
        const store = new ReportStore(knex, async scope =>
          scope.kind === 'owner'
            ? {
                ...scope,
                entityRefs: (await teams.team(scope.owner)).entityRefs,
              }
            : scope,
        );
        const reports = new ReportService(
          rollups,
          store,
          new OkrCatalog(okrs, directory, logger),
        );
        await scheduleOkrWatch({
          reports,
          rollups,
          notifications: deps.notifications,
          knex,
          scheduler,
          logger,
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            events,
            reports,
            store,
            directory,
            summary: new SummaryService(store, () => rollups.settle()),
            teams,
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
