import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { createGithubClientFactory } from '@internal/backend-plugin-utils';
import { reviewEnvsPermissions } from '@internal/plugin-review-envs-common';
import { DatabaseEnvironmentStore } from './database/DatabaseEnvironmentStore';
import { DatabaseLockStore } from './database/DatabaseLockStore';
import { EnvironmentDatabases } from './databases/EnvironmentDatabases';
import { readEnvironmentDatabases } from './databases/readEnvironmentDatabases';
import {
  isPullRequestAuthor,
  reviewEnvironmentResourceRef,
} from './permissions/reviewEnvironmentPermissions';
import { EnvironmentSeeds } from './seed/EnvironmentSeeds';
import { readMaskingPolicy } from './seed/maskingPolicy';
import { readTenantDatabases } from './seed/readTenantDatabases';
import { createDeployTarget } from './environments/createDeployTarget';
import { GithubDeploymentReporter } from './environments/GithubDeploymentReporter';
import { ReviewEnvironments } from './environments/ReviewEnvironments';
import { readReviewEnvironmentsConfig } from './environments/ReviewEnvironmentsConfig';
import { subscribeToPullRequestWebhooks } from './events/pullRequestWebhooks';
import { GithubLockStatusReporter } from './locks/GithubLockStatusReporter';
import { SharedEnvironmentLocks } from './locks/SharedEnvironmentLocks';
import { readSharedEnvironments } from './locks/SharedEnvironmentsConfig';
import { createRouter } from './service/createRouter';
import {
  environmentWorkTrigger,
  scheduleEnvironmentWork,
} from './tasks/environmentWork';
import { scheduleGithubReconciliation } from './tasks/githubReconciliation';
import { scheduleLockSettling } from './tasks/lockSettling';
import { scheduleOrphanRemoval } from './tasks/orphanRemoval';

export const reviewEnvsPlugin = createBackendPlugin({
  pluginId: 'review-envs',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        events: eventsServiceRef,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { config, database, logger, scheduler } = deps;
        deps.permissionsRegistry.addPermissions(reviewEnvsPermissions);

        const sharedEnvironments = readSharedEnvironments(config);
        // Created below, with GitHub; it reads the locks.
        let lockStatuses: GithubLockStatusReporter | undefined;
        const locks = await SharedEnvironmentLocks.create({
          store: await DatabaseLockStore.create({ database }),
          environments: sharedEnvironments,
          // Never rejects: failures to report are logged.
          onChange: name => lockStatuses?.reportEnvironment(name),
        });
        const environmentsConfig = readReviewEnvironmentsConfig(config);
        const target = await createDeployTarget(config, environmentsConfig);
        const github = environmentsConfig.github && {
          ...environmentsConfig.github,
          octokitFor: createGithubClientFactory(
            config,
            environmentsConfig.github.host,
            logger,
          ),
        };
        if (github) {
          const appBaseUrl = config.getOptionalString('app.baseUrl');
          lockStatuses = new GithubLockStatusReporter({
            ...github,
            environments: sharedEnvironments,
            locks,
            logger,
            detailsUrl: appBaseUrl && `${appBaseUrl}/review-envs`,
          });
        }
        const store = await DatabaseEnvironmentStore.create({ database });
        const databaseDrivers = readEnvironmentDatabases(
          config,
          environmentsConfig,
        );
        if (!databaseDrivers) {
          logger.info(
            'Review environments on ECS get no database of their own: set reviewEnvs.database.type to postgres',
          );
        }
        const environmentDatabases =
          databaseDrivers &&
          new EnvironmentDatabases({ ...databaseDrivers, store, logger });
        const seeds =
          databaseDrivers &&
          environmentDatabases &&
          new EnvironmentSeeds({
            store,
            databases: environmentDatabases,
            drivers: databaseDrivers.drivers,
            tenants: readTenantDatabases(config),
            policy: readMaskingPolicy(
              config.getOptionalConfig('reviewEnvs.seed'),
            ),
            seedSql: databaseDrivers.seedSql,
            logger,
          });
        deps.permissionsRegistry.addResourceType({
          resourceRef: reviewEnvironmentResourceRef,
          rules: [isPullRequestAuthor],
          getResources: ids => Promise.all(ids.map(id => store.get(id))),
        });
        const environments = new ReviewEnvironments({
          store,
          databases: environmentDatabases,
          seeds,
          target,
          config: environmentsConfig,
          logger,
          requestWork: environmentWorkTrigger(scheduler),
          reporter: github && new GithubDeploymentReporter(github),
        });

        await scheduleLockSettling(scheduler, locks);
        await scheduleEnvironmentWork(scheduler, environments);
        deps.lifecycle.addStartupHook(() => environments.recover());
        await scheduleOrphanRemoval(scheduler, environments);
        if (github) {
          await scheduleGithubReconciliation({
            scheduler,
            logger,
            github,
            environments,
            lockStatuses,
          });
        }
        await subscribeToPullRequestWebhooks({
          events: deps.events,
          environments,
          lockStatuses,
        });

        deps.httpRouter.use(
          createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            locks,
            environments,
            seeds,
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
