import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DeployFailedError,
  DeployTarget,
} from '@internal/backend-deploy-targets';
import { whileLeased } from '@internal/backend-plugin-utils';
import {
  ClaimedWork,
  EnvironmentStore,
  StoredEnvironment,
} from '../database/EnvironmentStore';
import { EnvironmentDatabases } from '../databases/EnvironmentDatabases';
import { EnvironmentSeeds } from '../seed/EnvironmentSeeds';
import { DeploymentReporter, DeploymentStatus } from './DeploymentReporter';
import { ACTORS, SEED_LABEL_PREFIX } from './environmentTransitions';
import {
  deploySource,
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
 * Does what environments wait for: expires overdue ones, then deploys and
 * tears down through the deploy target, each under a lease so that two
 * replicas never work on one environment.
 */
export class EnvironmentWorker {
  constructor(
    private readonly options: {
      store: EnvironmentStore;
      target: DeployTarget;
      config: ReviewEnvironmentsConfig;
      logger: LoggerService;
      reporter?: DeploymentReporter;
      /** Each environment's own database, given to it as `DATABASE_URL`. */
      databases?: EnvironmentDatabases;
      /** Seeds from tenants, for pull requests labelled `seed:<slug>`. */
      seeds?: EnvironmentSeeds;
    },
  ) {}

  /** Expires overdue environments, then deploys and tears down what waits. */
  async run(): Promise<void> {
    const { store, logger } = this.options;
    for (const id of await store.expireOverdue()) {
      logger.info(`Review environment ${id} expired`);
    }
    // Batches of up to WORK_CONCURRENCY until nothing waits, or the time is up
    // and the next run continues.
    const deadline = Date.now() + WORK_BUDGET_MS;
    while (Date.now() < deadline) {
      const batch = await store.claimWork(WORK_CONCURRENCY, LEASE_MS);
      if (batch.length === 0) return;
      await Promise.all(
        batch.map(work =>
          whileLeased(
            () =>
              work.action === 'deploy'
                ? this.deploy(work)
                : this.tearDown(work),
            {
              renew: () => store.renewLease(work, LEASE_MS),
              everyMs: LEASE_RENEW_MS,
              onTrouble: problem =>
                logger.warn(
                  `Review environment ${work.environment.id}: ${problem}`,
                ),
            },
          ),
        ),
      );
    }
  }

  private async deploy(work: ClaimedWork) {
    const { store, target, config, logger, databases } = this.options;
    const { environment } = work;
    const lines: string[] = [];
    const log = (line: string) =>
      lines.push(`${new Date().toISOString()} ${line}`);
    const { source: repository, configKey } = deploySource(
      config,
      environment.repository,
    );
    try {
      if (!repository) {
        throw new DeployFailedError(
          `nothing to deploy is configured for ${environment.repository} (${configKey})`,
        );
      }
      const databaseUrl = await databases?.ensure(environment.id, log);
      const deployment = await target.deploy(
        {
          environmentId: environment.id,
          source: { repository, ref: environment.headSha },
          env: {
            REVIEW_ENV_ID: environment.id,
            REVIEW_ENV_BRANCH: environment.branch,
            ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
          },
        },
        log,
      );
      await store.recordServing(
        environment.id,
        { url: deployment.url, deployedSha: deployment.version },
        config.ttlMs,
      );
      await this.seedFromLabel(environment, log);
      await store.finishWork(work, { state: 'ready', reason: null });
      await this.report(environment, { state: 'success', url: deployment.url });
    } catch (error) {
      const reason = (error as Error).message;
      if (error instanceof DeployFailedError) {
        lines.push(...error.output.map(line => `  | ${line}`));
      }
      log(`Failed: ${reason}`);
      logger.warn(
        `Review environment ${environment.id} failed to deploy: ${reason}`,
      );
      await store.finishWork(work, { state: 'failed', reason });
      await this.report(environment, { state: 'failure', description: reason });
    } finally {
      await store.recordDeployLog(environment.id, lines);
    }
  }

  /**
   * Seeds a deployed environment from the tenant its pull request's
   * `seed:<slug>` label names, until a seed from that tenant succeeds. The
   * label is the git host's word, as the pull request is: no permission is
   * asked. A failure is in the deploy log and the seeds' history, and never
   * fails the deploy.
   */
  private async seedFromLabel(
    environment: StoredEnvironment,
    log: (line: string) => void,
  ) {
    const { seeds, store, logger } = this.options;
    const tenant = environment.seedTenant;
    if (!seeds || !tenant) return;
    const done = await store.seeds(environment.id, 50);
    if (done.some(s => s.tenant === tenant && s.state === 'succeeded')) return;
    log(`Seeding from tenant ${tenant} (label ${SEED_LABEL_PREFIX}${tenant})`);
    try {
      const seed = await seeds.seed(environment.id, tenant, ACTORS.seedLabel);
      log(
        `Seeded from tenant ${tenant}: ${seed.rows} rows, masking policy ${seed.policyRevision}`,
      );
    } catch (error) {
      log(`Seeding from tenant ${tenant} failed: ${(error as Error).message}`);
      logger.warn(
        `Review environment ${environment.id}: seeding from tenant ${tenant} failed: ${error}`,
      );
    }
  }

  private async tearDown(work: ClaimedWork) {
    const { store, target, logger, databases } = this.options;
    const { environment } = work;
    try {
      await target.teardown(environment.id);
      await databases?.drop(environment.id);
      await store.recordServing(environment.id, {
        url: null,
        deployedSha: null,
      });
      await store.finishWork(work, {
        state: 'gone',
        reason: environment.stateReason,
      });
      await this.report(environment, {
        state: 'inactive',
        description: environment.stateReason ?? 'torn down',
      });
    } catch (error) {
      // The lease runs out and the teardown is tried again.
      logger.error(
        `Review environment ${environment.id} failed to tear down: ${error}`,
      );
    }
  }

  /** Reporting is a courtesy to the PR page: its failure never fails the work. */
  private async report(
    environment: StoredEnvironment,
    status: DeploymentStatus,
  ) {
    try {
      await this.options.reporter?.report(environment, status);
    } catch (error) {
      this.options.logger.warn(
        `Could not report ${status.state} of ${environment.id} to its pull request: ${error}`,
      );
    }
  }
}
