import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  connect,
  OwnedDatabases,
  parseDatabaseUrl,
  runSqlScript,
} from '@internal/backend-databases';
import { ReviewEnvironmentSeed } from '@internal/plugin-review-envs-common';
import { EnvironmentStore } from '../database/EnvironmentStore';
import { EnvironmentDatabases } from '../databases/EnvironmentDatabases';
import { hasEnded } from '../environments/environmentTransitions';
import { copyMasked, CopyProgress } from './copyMasked';
import { MaskingPolicy } from './maskingPolicy';

/** The longest reason of a failed seed kept and answered. */
const MAX_REASON = 500;

/**
 * A database error without the statement knex puts in front of its
 * message (`insert into ... - CHECK constraint failed`): the statement
 * holds a chunk of rows as masked and is no reason to keep or answer.
 * The portal's own errors (400, 404, 409) pass as they are.
 */
function withoutStatement(error: Error): Error {
  if (['InputError', 'NotFoundError', 'ConflictError'].includes(error.name)) {
    return error;
  }
  const reason = error.message.includes(' - ')
    ? error.message.slice(error.message.lastIndexOf(' - ') + 3)
    : error.message;
  return new Error(`copying failed: ${reason.slice(0, MAX_REASON)}`);
}

/** A running seed whose heartbeat stopped this long ago was abandoned. */
const ABANDONED_AFTER_MS = 2 * 60_000;
/** How often a running seed records how far it is. */
const PROGRESS_EVERY_MS = 500;
/** How many of an environment's seeds its list shows. */
const SEEDS_LIMIT = 50;

/**
 * Loads a masked copy of a tenant's data into a review environment's
 * database: the policy's tables from the tenant's database (found by its
 * slug, as the tenants' drivers name it), each column masked by its rule,
 * into a fresh database that then replaces the environment's whole. A seed
 * that fails leaves the environment's database as it was.
 */
export class EnvironmentSeeds {
  constructor(
    private readonly options: {
      store: EnvironmentStore;
      databases: EnvironmentDatabases;
      /** The environments' drivers. */
      drivers: OwnedDatabases;
      /** The tenants' drivers, to read a tenant's database. */
      tenants: OwnedDatabases;
      /** Undefined when none is configured: every seed is refused. */
      policy?: MaskingPolicy;
      /** The schema (and starting rows) the copy fills. */
      seedSql: string;
      logger: LoggerService;
    },
  ) {}

  async list(id: string): Promise<ReviewEnvironmentSeed[]> {
    if (!(await this.options.store.get(id))) {
      throw new NotFoundError(`No review environment ${id}`);
    }
    return this.options.store.seeds(id, SEEDS_LIMIT);
  }

  /** Seeds the environment from the tenant; the caller has been authorized. */
  async seed(
    id: string,
    tenant: string,
    actor: string,
  ): Promise<ReviewEnvironmentSeed> {
    const { store, drivers, tenants, policy, logger } = this.options;
    if (!policy) {
      throw new InputError(
        "No masking policy is configured (reviewEnvs.seed.tables): copies of tenants' data are refused",
      );
    }
    const environment = await store.get(id);
    if (!environment) throw new NotFoundError(`No review environment ${id}`);
    if (hasEnded(environment.state)) {
      throw new ConflictError(
        `${id} is ${environment.state}; label its pull request again to bring it back`,
      );
    }
    const source = await tenants.openExisting(tenant);
    if (!source) {
      throw new NotFoundError(`Tenant ${tenant} has no database to copy`);
    }
    try {
      const seed = await store.startSeed(
        {
          environmentId: id,
          tenant,
          actor,
          policyRevision: policy.revision,
        },
        ABANDONED_AFTER_MS,
      );
      try {
        const rows = await this.copyIntoReplacement(id, seed.id, source);
        await drivers.replace(id);
        logger.info(
          `Seeded review environment ${id} from tenant ${tenant}: ${rows} rows, masking policy ${policy.revision}, asked by ${actor}`,
        );
        return await store.finishSeed(seed.id, { rows });
      } catch (error) {
        await drivers
          .discardReplacement(id)
          .catch(discardError =>
            logger.warn(
              `Could not drop the unfinished seed of ${id}: ${discardError}`,
            ),
          );
        const reported = withoutStatement(error as Error);
        await store.finishSeed(seed.id, { error: reported.message });
        throw reported;
      }
    } finally {
      await source.destroy();
    }
  }

  /** Fills a fresh replacement of the environment's database; returns the rows copied. */
  private async copyIntoReplacement(
    id: string,
    seedId: number,
    source: Parameters<typeof copyMasked>[0]['source'],
  ): Promise<number> {
    const { store, databases, drivers, policy, seedSql } = this.options;
    const url = await databases.ensure(id);
    const replacement = await drivers.createReplacement(
      id,
      parseDatabaseUrl(url),
      resource => store.recordDatabaseResource(id, resource),
    );
    await runSqlScript(replacement, seedSql);
    const target = connect(replacement);
    let reported = 0;
    const onProgress = async ({ totalRows }: CopyProgress) => {
      if (Date.now() - reported < PROGRESS_EVERY_MS) return;
      reported = Date.now();
      await store.recordSeedProgress(seedId, totalRows);
    };
    try {
      const result = await copyMasked({
        source,
        target,
        policy: {
          ...policy!,
          secret: policy!.secret ?? (await store.seedSecret()),
        },
        onProgress,
      });
      return result.rows;
    } finally {
      await target.destroy();
    }
  }
}
