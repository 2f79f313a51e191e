import { LoggerService } from '@backstage/backend-plugin-api';
import {
  PullRequestSnapshot,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import { Octokit } from '@octokit/rest';
import { SharedEnvironmentConfig } from './SharedEnvironmentsConfig';

const MAX_DESCRIPTION_LENGTH = 140;

/** What a pull request's lock statuses depend on. */
export type LockStatusPullRequest = Pick<
  PullRequestSnapshot,
  'repository' | 'number' | 'baseBranch' | 'headSha' | 'author'
>;

/** A GitHub commit status for one shared environment. */
type LockStatus = {
  context: string;
  state: 'success' | 'failure';
  description: string;
};

/**
 * Enforces the locks of shared environments on GitHub: the head commit of
 * each pull request into a branch that deploys to a shared environment
 * carries the commit status `portal/lock/<name>`, `failure` while someone
 * other than the pull request's author holds the lock. Branch protection
 * that requires the status keeps such pull requests from being merged.
 *
 * Reporting follows a lock change that has already happened, so failures are
 * logged and never thrown.
 */
export class GithubLockStatusReporter {
  private readonly repositories: Set<string>;
  private readonly environments: Map<string, SharedEnvironmentConfig>;
  private readonly environmentRuns = new Map<string, Promise<void>>();

  constructor(
    private readonly options: {
      repositories: string[];
      octokitFor: (repository: string) => Promise<Octokit>;
      environments: SharedEnvironmentConfig[];
      locks: { get(name: string): Promise<SharedEnvironmentLock> };
      logger: LoggerService;
      /** Linked from each status, e.g. the portal page that shows the locks. */
      detailsUrl?: string;
    },
  ) {
    this.repositories = new Set(options.repositories);
    this.environments = new Map(
      options.environments.map(environment => [environment.name, environment]),
    );
  }

  /** Sets the statuses of a pull request that was opened or changed. */
  async reportPullRequest(pullRequest: LockStatusPullRequest): Promise<void> {
    await this.reportPullRequestStatuses(pullRequest, false);
  }

  /**
   * Like `reportPullRequest`, but leaves statuses that already say what they
   * should: for callers that repeat it, as GitHub keeps at most 1000
   * statuses per commit and context.
   */
  async reconcilePullRequest(
    pullRequest: LockStatusPullRequest,
  ): Promise<void> {
    await this.reportPullRequestStatuses(pullRequest, true);
  }

  /** Sets the status of every open pull request into the environment's branches. */
  reportEnvironment(name: string): Promise<void> {
    // One run at a time per environment, each reading the lock when it
    // starts, so that the statuses of the latest change are posted last.
    const run = (this.environmentRuns.get(name) ?? Promise.resolve()).then(() =>
      this.reportEnvironmentNow(name),
    );
    this.environmentRuns.set(name, run);
    return run;
  }

  private async reportPullRequestStatuses(
    pullRequest: LockStatusPullRequest,
    onlyIfChanged: boolean,
  ) {
    const { repository, number, baseBranch } = pullRequest;
    if (!this.repositories.has(repository) || !baseBranch) return;
    const environments = [...this.environments.values()].filter(environment =>
      environment.branches.includes(baseBranch),
    );
    if (environments.length === 0) return;

    await this.attempt(
      `set the lock statuses of ${repository}#${number}`,
      async () => {
        const octokit = await this.options.octokitFor(repository);
        const current = onlyIfChanged
          ? await this.currentStatuses(octokit, pullRequest)
          : new Map<string, LockStatus>();
        for (const environment of environments) {
          const lock = await this.options.locks.get(environment.name);
          const status = lockStatus(environment, lock, pullRequest.author);
          const existing = current.get(status.context);
          if (
            existing?.state === status.state &&
            existing.description === status.description
          ) {
            continue;
          }
          await this.post(octokit, repository, pullRequest.headSha, status);
        }
      },
    );
  }

  private async reportEnvironmentNow(name: string) {
    const environment = this.environments.get(name);
    if (!environment || environment.branches.length === 0) return;
    let lock: SharedEnvironmentLock;
    try {
      lock = await this.options.locks.get(name);
    } catch (error) {
      this.options.logger.warn(`Could not read the lock of ${name}: ${error}`);
      return;
    }
    for (const repository of this.repositories) {
      const [owner, repo] = repository.split('/');
      for (const base of environment.branches) {
        await this.attempt(
          `set the ${name} lock status of pull requests into ${repository}:${base}`,
          async () => {
            const octokit = await this.options.octokitFor(repository);
            const open = await octokit.paginate(
              'GET /repos/{owner}/{repo}/pulls',
              {
                owner,
                repo,
                state: 'open',
                base,
                per_page: 100,
              },
            );
            for (const { number, head, user } of open) {
              await this.attempt(
                `set the ${name} lock status of ${repository}#${number}`,
                () =>
                  this.post(
                    octokit,
                    repository,
                    head.sha,
                    lockStatus(environment, lock, user?.login ?? ''),
                  ),
              );
            }
          },
        );
      }
    }
  }

  /** The latest status of each context on the pull request's head commit. */
  private async currentStatuses(
    octokit: Octokit,
    pullRequest: LockStatusPullRequest,
  ): Promise<Map<string, LockStatus>> {
    const [owner, repo] = pullRequest.repository.split('/');
    const { data } = await octokit.repos.getCombinedStatusForRef({
      owner,
      repo,
      ref: pullRequest.headSha,
      per_page: 100,
    });
    return new Map(
      data.statuses.map(status => [
        status.context,
        {
          context: status.context,
          state: status.state as LockStatus['state'],
          description: status.description ?? '',
        },
      ]),
    );
  }

  private async post(
    octokit: Octokit,
    repository: string,
    sha: string,
    status: LockStatus,
  ) {
    const [owner, repo] = repository.split('/');
    const { detailsUrl } = this.options;
    await octokit.repos.createCommitStatus({
      owner,
      repo,
      sha,
      ...status,
      ...(detailsUrl ? { target_url: detailsUrl } : {}),
    });
  }

  private async attempt(what: string, action: () => Promise<void>) {
    try {
      await action();
    } catch (error) {
      this.options.logger.warn(`Could not ${what}: ${error}`);
    }
  }
}

/**
 * The status of a pull request by `author` (a GitHub login) for one
 * environment. Portal users are expected to be named after their GitHub
 * logins, as the GitHub sign-in resolvers do.
 */
function lockStatus(
  environment: Pick<SharedEnvironmentConfig, 'name' | 'title'>,
  lock: SharedEnvironmentLock,
  author: string,
): LockStatus {
  const context = `portal/lock/${environment.name}`;
  const { title } = environment;
  if (!lock.holder) {
    return { context, state: 'success', description: `${title} is free` };
  }
  const until = lock.expiresAt ? ` until ${utcTime(lock.expiresAt)}` : '';
  if (lock.holder === `user:default/${author.toLowerCase()}`) {
    return {
      context,
      state: 'success',
      description: `${title} is held by you${until}`,
    };
  }
  return {
    context,
    state: 'failure',
    description: truncate(
      `${title} is locked by ${lock.holder}${until}${
        lock.reason ? `: ${lock.reason}` : ''
      }`,
    ),
  };
}

function utcTime(isoTime: string): string {
  return `${new Date(isoTime).toISOString().slice(11, 16)} UTC`;
}

function truncate(text: string): string {
  return text.length <= MAX_DESCRIPTION_LENGTH
    ? text
    : `${text.slice(0, MAX_DESCRIPTION_LENGTH - 1)}…`;
}
