import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  PullRequestSnapshot,
  ReviewEnvironment,
  ReviewEnvironmentEvent,
} from '@internal/plugin-review-envs-common';
import {
  DeployFailedError,
  Deployment,
  DeployTarget,
} from '@internal/backend-deploy-targets';
import { whileLeased } from '@internal/backend-plugin-utils';
import {
  ClaimedWork,
  EnvironmentStore,
  StoredEnvironment,
} from '../database/EnvironmentStore';
import { DeploymentReporter } from './DeploymentReporter';
import { environmentIdFor } from './environmentId';
import {
  deploySource,
  pullRequestUrl,
  ReviewEnvironmentsConfig,
} from './ReviewEnvironmentsConfig';

/**
 * A claim's lease, renewed while its deploy or teardown runs: a replica that
 * dies mid-deploy leaves its work to the others within a minute.
 */
const LEASE_MS = 60_000;
const LEASE_RENEW_MS = 15_000;
const WORK_CONCURRENCY = 4;
const WORK_BUDGET_MS = 5 * 60_000;

/**
 * Review environments: what pull requests want (labelled `review`, open)
 * becomes pending work; `runWork` deploys and tears down through the deploy
 * target, recording every state with who or what caused it.
 */
export class ReviewEnvironments {
  private readonly store: EnvironmentStore;
  private readonly target: DeployTarget;
  private readonly config: ReviewEnvironmentsConfig;
  private readonly logger: LoggerService;
  private readonly requestWork: () => void;
  private readonly reporter?: DeploymentReporter;

  constructor(options: {
    store: EnvironmentStore;
    target: DeployTarget;
    config: ReviewEnvironmentsConfig;
    logger: LoggerService;
    /** Asks for `runWork` to run soon, after a change that needs work. */
    requestWork?: () => void;
    /** Tells the pull request where its environment stands (GitHub deployments). */
    reporter?: DeploymentReporter;
  }) {
    this.store = options.store;
    this.target = options.target;
    this.config = options.config;
    this.logger = options.logger;
    this.requestWork = options.requestWork ?? (() => {});
    this.reporter = options.reporter;
  }

  async list(): Promise<ReviewEnvironment[]> {
    return (await this.store.list()).map(env => this.publicView(env));
  }

  async get(id: string): Promise<ReviewEnvironment> {
    return this.publicView(await this.existing(id));
  }

  async history(id: string): Promise<ReviewEnvironmentEvent[]> {
    await this.existing(id);
    return this.store.history(id, 200);
  }

  async logs(id: string): Promise<{ deploy: string[]; output: string[] }> {
    await this.existing(id);
    return {
      deploy: await this.store.deployLog(id),
      output: await this.target.logs(id),
    };
  }

  /**
   * Applies a pull request's current state (from a webhook, a poll, or any
   * git host's push). A snapshot older (by `updatedAt`) than one applied
   * before changes nothing: a webhook delivered late cannot undo a newer
   * one. Returns the environment afterwards.
   */
  async observePullRequest(
    snapshot: PullRequestSnapshot,
    actor: string,
  ): Promise<ReviewEnvironment | undefined> {
    const wanted =
      snapshot.open && snapshot.labels.includes(this.config.reviewLabel);
    const { environment, stale } = await this.store.observe(snapshot, {
      id: environmentIdFor(snapshot.repository, snapshot.number),
      target: this.target.type,
      wanted,
      keep: snapshot.labels.includes(this.config.keepLabel),
      ttlMs: this.config.ttlMs,
      actor,
      unwantedReason: snapshot.open
        ? `the '${this.config.reviewLabel}' label was removed`
        : 'the pull request was closed',
    });
    if (stale) {
      this.logger.info(
        `Ignored ${snapshot.repository}#${snapshot.number} as of ${snapshot.updatedAt} from ${actor}: a newer state of it was applied already`,
      );
    } else {
      this.requestWork();
    }
    return environment && this.publicView(environment);
  }

  async redeploy(id: string, actor: string): Promise<ReviewEnvironment> {
    const environment = await this.existing(id);
    if (environment.state === 'gone' || environment.state === 'tearing-down') {
      // Its pull request was closed or unlabelled, or it expired.
      throw new InputError(
        `${id} is ${environment.state}; label its pull request again to bring it back`,
      );
    }
    return this.requestState(
      id,
      'pending',
      actor,
      `redeploy requested by ${actor}`,
    );
  }

  async teardown(id: string, actor: string): Promise<ReviewEnvironment> {
    const environment = await this.existing(id);
    if (environment.state === 'gone') return this.publicView(environment);
    return this.requestState(
      id,
      'tearing-down',
      actor,
      `torn down by ${actor}`,
    );
  }

  private async requestState(
    id: string,
    state: 'pending' | 'tearing-down',
    actor: string,
    reason: string,
  ): Promise<ReviewEnvironment> {
    const environment = await this.store.request(id, state, actor, reason, {
      renewTtlMs: state === 'pending' ? this.config.ttlMs : undefined,
    });
    this.requestWork();
    return this.publicView(environment!);
  }

  async extend(
    id: string,
    hours: number | undefined,
    actor: string,
  ): Promise<ReviewEnvironment> {
    const environment = await this.existing(id);
    if (environment.state === 'gone' || environment.state === 'tearing-down') {
      throw new InputError(
        `${id} is ${environment.state}; it cannot be extended`,
      );
    }
    const ttlMs = hours === undefined ? this.config.ttlMs : hours * 3_600_000;
    if (!(ttlMs > 0) || ttlMs > this.config.maxExtendMs) {
      throw new InputError(
        `hours must be between 0 and ${this.config.maxExtendMs / 3_600_000}`,
      );
    }
    return this.publicView((await this.store.extend(id, ttlMs, actor))!);
  }

  /** Expires overdue environments, then deploys and tears down what waits. */
  async runWork(): Promise<void> {
    for (const id of await this.store.expireOverdue()) {
      this.logger.info(`Review environment ${id} expired`);
    }
    // Batches of up to WORK_CONCURRENCY until nothing waits, or the time is up
    // and the next run continues.
    const deadline = Date.now() + WORK_BUDGET_MS;
    while (Date.now() < deadline) {
      const batch = await this.store.claimWork(WORK_CONCURRENCY, LEASE_MS);
      if (batch.length === 0) return;
      await Promise.all(
        batch.map(work =>
          whileLeased(
            () =>
              work.action === 'deploy'
                ? this.deploy(work)
                : this.tearDown(work),
            {
              renew: () => this.store.renewLease(work, LEASE_MS),
              everyMs: LEASE_RENEW_MS,
              onTrouble: problem =>
                this.logger.warn(
                  `Review environment ${work.environment.id}: ${problem}`,
                ),
            },
          ),
        ),
      );
    }
  }

  /**
   * After a restart: environments whose processes still run are adopted;
   * ones that should serve but are gone are deployed again; anything running
   * that no environment wants is removed.
   */
  async recover(): Promise<void> {
    const { adopted, reaped } = await this.target.recover();
    await this.removeOrphans(adopted);
    const environments = new Map(
      (await this.store.list()).map(env => [env.id, env]),
    );
    for (const id of reaped) {
      const environment = environments.get(id);
      if (
        environment &&
        (environment.state === 'ready' || environment.state === 'deploying')
      ) {
        await this.store.request(
          id,
          'pending',
          'recovery',
          'its process was gone after a restart',
          // Its deploy died with the previous backend; do not wait out the lease.
          { releaseLease: true },
        );
      }
    }
  }

  /**
   * Removes what the target runs for no environment (a teardown lost with a
   * crash, resources left from a deleted database) and names each in the log.
   * Returns the ids removed.
   */
  async removeOrphans(running?: Deployment[]): Promise<string[]> {
    const deployments = running ?? (await this.target.list());
    const environments = new Map(
      (await this.store.list()).map(env => [env.id, env]),
    );
    const removed: string[] = [];
    for (const { environmentId } of deployments) {
      const environment = environments.get(environmentId);
      if (environment && environment.state !== 'gone') continue;
      this.logger.warn(
        `Removing orphaned review environment ${environmentId}: ${
          environment ? 'it was torn down' : 'no environment has this id'
        }`,
      );
      await this.target.teardown(environmentId);
      removed.push(environmentId);
    }
    return removed;
  }

  private async deploy(work: ClaimedWork) {
    const { environment } = work;
    const lines: string[] = [];
    const log = (line: string) =>
      lines.push(`${new Date().toISOString()} ${line}`);
    const { source: repository, configKey } = deploySource(
      this.config,
      environment.repository,
    );
    try {
      if (!repository) {
        throw new DeployFailedError(
          `nothing to deploy is configured for ${environment.repository} (${configKey})`,
        );
      }
      const deployment = await this.target.deploy(
        {
          environmentId: environment.id,
          source: { repository, ref: environment.headSha },
          env: {
            REVIEW_ENV_ID: environment.id,
            REVIEW_ENV_BRANCH: environment.branch,
          },
        },
        log,
      );
      await this.store.recordServing(
        environment.id,
        { url: deployment.url, deployedSha: deployment.version },
        this.config.ttlMs,
      );
      await this.store.finishWork(work, { state: 'ready', reason: null });
      await this.report(environment, { state: 'success', url: deployment.url });
    } catch (error) {
      const reason = (error as Error).message;
      if (error instanceof DeployFailedError) {
        lines.push(...error.output.map(line => `  | ${line}`));
      }
      log(`Failed: ${reason}`);
      this.logger.warn(
        `Review environment ${environment.id} failed to deploy: ${reason}`,
      );
      await this.store.finishWork(work, { state: 'failed', reason });
      await this.report(environment, { state: 'failure', description: reason });
    } finally {
      await this.store.recordDeployLog(environment.id, lines);
    }
  }

  private async tearDown(work: ClaimedWork) {
    const { environment } = work;
    try {
      await this.target.teardown(environment.id);
      await this.store.recordServing(environment.id, {
        url: null,
        deployedSha: null,
      });
      await this.store.finishWork(work, {
        state: 'gone',
        reason: environment.stateReason,
      });
      await this.report(environment, {
        state: 'inactive',
        description: environment.stateReason ?? 'torn down',
      });
    } catch (error) {
      // The lease runs out and the teardown is tried again.
      this.logger.error(
        `Review environment ${environment.id} failed to tear down: ${error}`,
      );
    }
  }

  /** Reporting is a courtesy to the PR page: its failure never fails the work. */
  private async report(
    environment: StoredEnvironment,
    status: Parameters<DeploymentReporter['report']>[1],
  ) {
    try {
      await this.reporter?.report(environment, status);
    } catch (error) {
      this.logger.warn(
        `Could not report ${status.state} of ${environment.id} to its pull request: ${error}`,
      );
    }
  }

  private publicView({
    revision: _revision,
    ...environment
  }: StoredEnvironment): ReviewEnvironment {
    return {
      ...environment,
      pullRequestUrl: pullRequestUrl(
        this.config,
        environment.repository,
        environment.pullRequest,
      ),
    };
  }

  private async existing(id: string): Promise<StoredEnvironment> {
    const environment = await this.store.get(id);
    if (!environment) throw new NotFoundError(`No review environment '${id}'`);
    return environment;
  }
}
