import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { OkrWatcher } from './okrs/OkrWatcher';
import { OkrCatalog } from './okrs/OkrCatalog';
import {
  createGithubClientFactory,
  migratedClient,
} from '@internal/backend-plugin-utils';
import { CatalogEntityDirectory } from './attribution/EntityDirectory';
import { readGroupRules } from './attribution/groups';
import { readOkrs } from './okrs/readOkrs';
import { createRouter } from './router';
import { ReportService } from './service/ReportService';
import { EventStore } from './store/EventStore';
import { RollupStore } from './store/RollupStore';
import { tuneSqlite } from './store/tuneSqlite';
import { CursorStore } from './sources/CursorStore';
import { LocalGitSource } from './sources/localGit/LocalGitSource';
import { readLocalGitConfig } from './sources/localGit/readLocalGitConfig';
import { eventsFromWebhook } from './sources/github/githubEvents';
import { GithubPoller } from './sources/github/GithubPoller';
import { readGithubConfig } from './sources/github/readGithubConfig';

const WEBHOOK_TOPICS = [
  'github.deployment_status',
  'github.release',
  'github.workflow_run',
  'github.pull_request',
];

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
        const refresh = () =>
          rollups
            .refreshStale()
            .catch(error =>
              logger.error(`Refreshing release-watch rollups failed: ${error}`),
            );
        // Reads wait for fresh rollups anyway; between reads, a burst of
        // pushes is rolled up once it pauses (or every half minute during a
        // long one), not once per batch.
        let quietTimer: ReturnType<typeof setTimeout> | undefined;
        let firstChangeAt: number | undefined;
        events.onChange(() => {
          firstChangeAt ??= Date.now();
          clearTimeout(quietTimer);
          const delay = Math.min(
            2000,
            Math.max(0, firstChangeAt + 30_000 - Date.now()),
          );
          quietTimer = setTimeout(() => {
            firstChangeAt = undefined;
            refresh();
          }, delay);
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

        const repositories = readLocalGitConfig(config);
        if (repositories.length > 0) {
          const localGit = new LocalGitSource(
            repositories,
            events,
            new CursorStore(knex),
            logger,
          );
          await scheduler.scheduleTask({
            id: 'release-watch-local-git',
            frequency: {
              seconds:
                config.getOptionalNumber('releaseWatch.pollSeconds') ?? 60,
            },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 3 },
            fn: () => localGit.pollAll(),
          });
        }

        const github = readGithubConfig(config);
        if (github && github.repositories.length > 0) {
          const poller = new GithubPoller({
            ...github,
            clientFor: createGithubClientFactory(config, github.host, logger),
            sink: events,
            cursors: new CursorStore(knex),
            logger,
          });
          await scheduler.scheduleTask({
            id: 'release-watch-github',
            frequency: { minutes: github.pollMinutes },
            timeout: { minutes: 30 },
            initialDelay: { seconds: 10 },
            fn: () => poller.pollAll(),
          });
        }
        // Webhooks arrive through the events system; the GitHub events
        // module has checked their signatures before they get here.
        await deps.githubEvents.subscribe({
          id: 'release-watch',
          topics: WEBHOOK_TOPICS,
          async onEvent({ topic, eventPayload }) {
            const received = eventsFromWebhook(topic, eventPayload);
            if (received.length > 0) {
              await events.ingest(received);
            }
          },
        });

        const reports = new ReportService(
          knex,
          rollups,
          new OkrCatalog(okrs, directory, logger),
        );
        const watcher = new OkrWatcher(
          reports,
          deps.notifications,
          new CursorStore(knex),
          logger,
        );
        await scheduler.scheduleTask({
          id: 'release-watch-okr-watch',
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await rollups.settle();
            await watcher.check();
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            events,
            reports,
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
