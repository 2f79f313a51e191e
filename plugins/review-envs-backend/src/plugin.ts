import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { createGithubClientFactory } from '@internal/backend-plugin-utils';
import { reviewEnvsPermissions } from '@internal/plugin-review-envs-common';
import { DatabaseEnvironmentStore } from './database/DatabaseEnvironmentStore';
import { DatabaseLockStore } from './database/DatabaseLockStore';
import { createDeployTarget } from './environments/createDeployTarget';
import { GithubDeploymentReporter } from './environments/GithubDeploymentReporter';
import { GithubPullRequestReconciler } from './environments/GithubPullRequestReconciler';
import { pullRequestFromWebhook } from './environments/pullRequestFromWebhook';
import { ReviewEnvironments } from './environments/ReviewEnvironments';
import { readReviewEnvironmentsConfig } from './environments/ReviewEnvironmentsConfig';
import { GithubLockStatusReporter } from './locks/GithubLockStatusReporter';
import { SharedEnvironmentLocks } from './locks/SharedEnvironmentLocks';
import { readSharedEnvironments } from './locks/SharedEnvironmentsConfig';
import { createEnvironmentsRouter } from './service/environmentsRouter';
import { createHealthRouter } from './service/healthRouter';
import { createLocksRouter } from './service/locksRouter';

const WORK_TASK_ID = 'review-envs-work';
/** Pull request actions after which its lock statuses may differ. */
const LOCK_STATUS_ACTIONS = new Set([
  'opened',
  'reopened',
  'synchronize',
  'edited',
]);

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
        const { config, database, httpAuth, httpRouter, permissions } = deps;
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
            deps.logger,
          ),
        };
        if (github) {
          const appBaseUrl = config.getOptionalString('app.baseUrl');
          lockStatuses = new GithubLockStatusReporter({
            ...github,
            environments: sharedEnvironments,
            locks,
            logger: deps.logger,
            detailsUrl: appBaseUrl && `${appBaseUrl}/review-envs`,
          });
        }
        const environments = new ReviewEnvironments({
          store: await DatabaseEnvironmentStore.create({ database }),
          target,
          config: environmentsConfig,
          logger: deps.logger,
          requestWork: () => {
            deps.scheduler.triggerTask(WORK_TASK_ID).catch(() => {
              // Already running: the next run picks the change up.
            });
          },
          reporter: github && new GithubDeploymentReporter(github),
        });

        // Reading the locks expires overdue grants and hands free locks to
        // their queue; doing it every minute records both promptly even when
        // nobody looks. One replica at a time runs it.
        await deps.scheduler.scheduleTask({
          id: 'review-envs-settle-locks',
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          scope: 'global',
          fn: async () => {
            await locks.list();
          },
        });
        // Deploys, teardowns and expiry; also run at once after each change.
        // Every replica runs it: each environment's lease, not the
        // scheduler's lock, decides who works on it, so a replica that dies
        // mid-deploy holds nothing up for longer than the lease.
        await deps.scheduler.scheduleTask({
          id: WORK_TASK_ID,
          frequency: { seconds: 10 },
          timeout: { minutes: 20 },
          scope: 'local',
          fn: () => environments.runWork(),
        });
        deps.lifecycle.addStartupHook(() => environments.recover());
        await deps.scheduler.scheduleTask({
          id: 'review-envs-remove-orphans',
          frequency: { minutes: 30 },
          initialDelay: { minutes: 5 },
          timeout: { minutes: 10 },
          scope: 'global',
          fn: async () => {
            await environments.removeOrphans();
          },
        });

        // Lost webhooks are not redelivered: poll open pull requests too.
        if (github) {
          const reconciler = new GithubPullRequestReconciler({
            ...github,
            environments,
            logger: deps.logger,
            onOpenPullRequest: async pullRequest => {
              await lockStatuses?.reconcilePullRequest(pullRequest);
            },
          });
          await deps.scheduler.scheduleTask({
            id: 'review-envs-reconcile-github',
            frequency: { minutes: github.reconcileMinutes },
            timeout: { minutes: 10 },
            scope: 'global',
            fn: () => reconciler.reconcile(),
          });
        }

        // GitHub webhooks, signature-checked by the events backend's GitHub
        // module (events.modules.github.webhookSecret), arrive here.
        await deps.events.subscribe({
          id: 'review-envs',
          topics: ['github.pull_request'],
          async onEvent({ eventPayload }) {
            const snapshot = pullRequestFromWebhook(eventPayload);
            if (!snapshot) return;
            await environments.observePullRequest(snapshot, 'github:webhook');
            const { action } = eventPayload as { action?: string };
            if (action && LOCK_STATUS_ACTIONS.has(action)) {
              await lockStatuses?.reportPullRequest(snapshot);
            }
          },
        });

        httpRouter.use(
          await createLocksRouter({ httpAuth, permissions, locks }),
        );
        httpRouter.use(
          await createEnvironmentsRouter({
            httpAuth,
            permissions,
            environments,
          }),
        );
        httpRouter.use(createHealthRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
