import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Octokit } from '@octokit/rest';
import { GithubPullRequestReconciler } from '../environments/GithubPullRequestReconciler';
import { ReviewEnvironments } from '../environments/ReviewEnvironments';
import { GithubLockStatusReporter } from '../locks/GithubLockStatusReporter';

/**
 * Lost webhooks are not redelivered: every `reconcileMinutes`, one replica
 * applies the configured repositories' open pull requests, and those of
 * live environments, as GitHub has them, and sets their lock statuses.
 */
export async function scheduleGithubReconciliation(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  github: {
    repositories: string[];
    octokitFor: (repository: string) => Promise<Octokit>;
    reconcileMinutes: number;
  };
  environments: ReviewEnvironments;
  lockStatuses?: GithubLockStatusReporter;
}): Promise<void> {
  const { scheduler, github, lockStatuses } = options;
  const reconciler = new GithubPullRequestReconciler({
    ...github,
    environments: options.environments,
    logger: options.logger,
    onOpenPullRequest: async pullRequest => {
      await lockStatuses?.reconcilePullRequest(pullRequest);
    },
  });
  await scheduler.scheduleTask({
    id: 'review-envs-reconcile-github',
    frequency: { minutes: github.reconcileMinutes },
    timeout: { minutes: 10 },
    scope: 'global',
    fn: () => reconciler.reconcile(),
  });
}
