import { LoggerService } from '@backstage/backend-plugin-api';
import { PullRequestSnapshot } from '@internal/plugin-review-envs-common';
import { Octokit } from '@octokit/rest';
import { ReviewEnvironments } from './ReviewEnvironments';
import { pullRequestFromWebhook } from './pullRequestFromWebhook';

const ACTOR = 'github:reconciler';

/**
 * GitHub does not redeliver lost webhooks: this polls the open pull requests
 * of the configured repositories and applies each one's state, and looks up
 * the pull requests of live environments that are no longer open, so every
 * environment ends where its pull request says.
 */
export class GithubPullRequestReconciler {
  constructor(
    private readonly options: {
      repositories: string[];
      environments: ReviewEnvironments;
      octokitFor: (repository: string) => Promise<Octokit>;
      logger: LoggerService;
      /** Also called with each open pull request, e.g. to repair its commit statuses. */
      onOpenPullRequest?: (pullRequest: PullRequestSnapshot) => Promise<void>;
    },
  ) {}

  async reconcile(): Promise<void> {
    for (const repository of this.options.repositories) {
      try {
        await this.reconcileRepository(repository);
      } catch (error) {
        // One repository's failure does not stop the others; the next run retries.
        this.options.logger.warn(
          `Could not reconcile pull requests of ${repository}: ${error}`,
        );
      }
    }
  }

  private async reconcileRepository(repository: string) {
    const [owner, repo] = repository.split('/');
    const octokit = await this.options.octokitFor(repository);
    const open = await octokit.paginate('GET /repos/{owner}/{repo}/pulls', {
      owner,
      repo,
      state: 'open',
      per_page: 100,
    });
    const openNumbers = new Set<number>();
    for (const pullRequest of open) {
      const snapshot = pullRequestFromWebhook({
        repository: { full_name: repository },
        pull_request: pullRequest,
      });
      if (!snapshot) continue;
      openNumbers.add(snapshot.number);
      await this.options.environments.observePullRequest(snapshot, ACTOR);
      await this.options.onOpenPullRequest?.(snapshot);
    }

    const live = (await this.options.environments.list()).filter(
      env =>
        env.repository === repository &&
        !openNumbers.has(env.pullRequest) &&
        env.state !== 'gone' &&
        env.state !== 'tearing-down',
    );
    for (const environment of live) {
      const { data } = await octokit.pulls.get({
        owner,
        repo,
        pull_number: environment.pullRequest,
      });
      const snapshot = pullRequestFromWebhook({
        repository: { full_name: repository },
        pull_request: data,
      });
      if (snapshot) {
        await this.options.environments.observePullRequest(snapshot, ACTOR);
      }
    }
    this.options.logger.debug(
      `Reconciled ${repository}: ${open.length} open pull requests, ${live.length} closed since`,
    );
  }
}
