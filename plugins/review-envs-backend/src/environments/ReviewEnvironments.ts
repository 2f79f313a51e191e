import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { Deployment, DeployTarget } from '@internal/backend-deploy-targets';
import {
  PullRequestSnapshot,
  ReviewEnvironment,
  ReviewEnvironmentEvent,
  ReviewEnvironmentLogs,
} from '@internal/plugin-review-envs-common';
import {
  EnvironmentStore,
  StoredEnvironment,
} from '../database/EnvironmentStore';
import { EnvironmentDatabases } from '../databases/EnvironmentDatabases';
import { EnvironmentSeeds } from '../seed/EnvironmentSeeds';
import { DeploymentReporter } from './DeploymentReporter';
import { environmentIdFor } from './environmentId';
import {
  ACTORS,
  hasEnded,
  redeployRequestedReason,
  restartedReason,
  tornDownReason,
  unwantedReason,
} from './environmentTransitions';
import { EnvironmentWorker } from './EnvironmentWorker';
import {
  pullRequestUrl,
  ReviewEnvironmentsConfig,
} from './ReviewEnvironmentsConfig';

/** How many of an environment's states its history shows. */
const HISTORY_LIMIT = 200;

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
  private readonly worker: EnvironmentWorker;
  private readonly databases?: EnvironmentDatabases;

  constructor(options: {
    store: EnvironmentStore;
    target: DeployTarget;
    config: ReviewEnvironmentsConfig;
    logger: LoggerService;
    /** Asks for `runWork` to run soon, after a change that needs work. */
    requestWork?: () => void;
    /** Tells the pull request where its environment stands (GitHub deployments). */
    reporter?: DeploymentReporter;
    /** Each environment's own database, given to it as `DATABASE_URL`. */
    databases?: EnvironmentDatabases;
    /** Seeds from tenants, for pull requests labelled `seed:<slug>`. */
    seeds?: EnvironmentSeeds;
  }) {
    this.store = options.store;
    this.target = options.target;
    this.config = options.config;
    this.logger = options.logger;
    this.requestWork = options.requestWork ?? (() => {});
    this.databases = options.databases;
    this.worker = new EnvironmentWorker(options);
  }

  async list(): Promise<ReviewEnvironment[]> {
    return (await this.store.list()).map(env => this.publicView(env));
  }

  async get(id: string): Promise<ReviewEnvironment> {
    return this.publicView(await this.existing(id));
  }

  async history(id: string): Promise<ReviewEnvironmentEvent[]> {
    await this.existing(id);
    return this.store.history(id, HISTORY_LIMIT);
  }

  async logs(id: string): Promise<ReviewEnvironmentLogs> {
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
    const { reviewLabel, keepLabel, ttlMs } = this.config;
    const { environment, stale } = await this.store.observe(snapshot, {
      id: environmentIdFor(snapshot.repository, snapshot.number),
      target: this.target.type,
      wanted: snapshot.open && snapshot.labels.includes(reviewLabel),
      keep: snapshot.labels.includes(keepLabel),
      ttlMs,
      actor,
      unwantedReason: unwantedReason(snapshot, reviewLabel),
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
    if (hasEnded(environment.state)) {
      // Its pull request was closed or unlabelled, or it expired.
      throw new InputError(
        `${id} is ${environment.state}; label its pull request again to bring it back`,
      );
    }
    return this.requestState(
      id,
      'pending',
      actor,
      redeployRequestedReason(actor),
    );
  }

  /** Tears an environment down; the caller has been authorized already. */
  async teardown(id: string, actor: string): Promise<ReviewEnvironment> {
    const environment = await this.existing(id);
    if (environment.state === 'gone') return this.publicView(environment);
    return this.requestState(id, 'tearing-down', actor, tornDownReason(actor));
  }

  async extend(
    id: string,
    hours: number | undefined,
    actor: string,
  ): Promise<ReviewEnvironment> {
    const environment = await this.existing(id);
    if (hasEnded(environment.state)) {
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
  runWork(): Promise<void> {
    return this.worker.run();
  }

  /**
   * After a restart: environments whose processes still run are adopted;
   * ones that should serve but are gone are deployed again; anything running
   * that no environment wants is removed.
   */
  async recover(): Promise<void> {
    const { adopted, reaped } = await this.target.recover();
    await this.removeOrphans(adopted);
    const environments = await this.byId();
    for (const id of reaped) {
      const environment = environments.get(id);
      if (
        environment &&
        (environment.state === 'ready' || environment.state === 'deploying')
      ) {
        await this.store.request(
          id,
          'pending',
          ACTORS.recovery,
          restartedReason,
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
    const environments = await this.byId();
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
    // A pull request closed while its first deploy waited for a retry ends
    // without a teardown; its database is dropped here.
    for (const id of this.databases ? await this.store.databaseOwners() : []) {
      if (environments.get(id)?.state !== 'gone') continue;
      this.logger.warn(`Dropping the database of ${id}: it was torn down`);
      await this.databases!.drop(id);
    }
    return removed;
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

  private async byId(): Promise<Map<string, StoredEnvironment>> {
    return new Map((await this.store.list()).map(env => [env.id, env]));
  }

  private publicView({
    revision: _revision,
    seedTenant: _seedTenant,
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
