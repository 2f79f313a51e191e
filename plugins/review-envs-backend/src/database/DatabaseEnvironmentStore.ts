import { DatabaseService } from '@backstage/backend-plugin-api';
import { migratedClient } from '@internal/backend-plugin-utils';
import { LedgerResource } from '@internal/backend-databases';
import {
  PullRequestSnapshot,
  ReviewEnvironmentSeed,
  ReviewEnvironmentEvent,
  ReviewEnvironmentState,
} from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import {
  ClaimedWork,
  EnvironmentStore,
  ObserveOptions,
  ObserveResult,
  StoredEnvironment,
} from './EnvironmentStore';
import { claimEnvironmentWork } from './operations/claimEnvironmentWork';
import { readDeployLog } from './operations/readDeployLog';
import { recordDeployLog } from './operations/recordDeployLog';
import { expireOverdueEnvironments } from './operations/expireOverdueEnvironments';
import { extendEnvironment } from './operations/extendEnvironment';
import { finishEnvironmentWork } from './operations/finishEnvironmentWork';
import { finishSeed } from './operations/finishSeed';
import { listSeeds } from './operations/listSeeds';
import { readOrMakeSecret } from './operations/readOrMakeSecret';
import { recordSeedProgress } from './operations/recordSeedProgress';
import { startSeed } from './operations/startSeed';
import { forgetDatabase } from './operations/forgetDatabase';
import { forgetDatabaseResource } from './operations/forgetDatabaseResource';
import { listDatabaseOwners } from './operations/listDatabaseOwners';
import { listDatabaseResources } from './operations/listDatabaseResources';
import { readDatabaseUrl } from './operations/readDatabaseUrl';
import { recordDatabase } from './operations/recordDatabase';
import { recordDatabaseResource } from './operations/recordDatabaseResource';
import { getEnvironment } from './operations/getEnvironment';
import { listEnvironments } from './operations/listEnvironments';
import { observePullRequest } from './operations/observePullRequest';
import { readEnvironmentHistory } from './operations/readEnvironmentHistory';
import { recordServing } from './operations/recordServing';
import { renewWorkLease } from './operations/renewWorkLease';
import { requestEnvironmentState } from './operations/requestEnvironmentState';
import { MIGRATIONS_PACKAGE } from './tables';

/** The review environments in the plugin's database; each method is one operation of `operations/`. */
export class DatabaseEnvironmentStore implements EnvironmentStore {
  static async create(options: { database: DatabaseService }) {
    return new DatabaseEnvironmentStore(
      await migratedClient(options.database, MIGRATIONS_PACKAGE),
    );
  }

  private constructor(private readonly db: Knex) {}

  list(): Promise<StoredEnvironment[]> {
    return listEnvironments(this.db);
  }

  get(id: string): Promise<StoredEnvironment | undefined> {
    return getEnvironment(this.db, { id });
  }

  history(id: string, limit: number): Promise<ReviewEnvironmentEvent[]> {
    return readEnvironmentHistory(this.db, id, limit);
  }

  observe(
    snapshot: PullRequestSnapshot,
    options: ObserveOptions,
  ): Promise<ObserveResult> {
    return observePullRequest(this.db, snapshot, options);
  }

  request(
    id: string,
    state: 'pending' | 'tearing-down',
    actor: string,
    reason: string,
    options?: { renewTtlMs?: number; releaseLease?: boolean },
  ): Promise<StoredEnvironment | undefined> {
    return requestEnvironmentState(this.db, id, state, actor, reason, options);
  }

  extend(
    id: string,
    ttlMs: number,
    actor: string,
  ): Promise<StoredEnvironment | undefined> {
    return extendEnvironment(this.db, id, ttlMs, actor);
  }

  expireOverdue(): Promise<string[]> {
    return expireOverdueEnvironments(this.db);
  }

  claimWork(limit: number, leaseMs: number): Promise<ClaimedWork[]> {
    return claimEnvironmentWork(this.db, limit, leaseMs);
  }

  renewLease(work: ClaimedWork, leaseMs: number): Promise<boolean> {
    return renewWorkLease(this.db, work, leaseMs);
  }

  recordServing(
    id: string,
    serving: { url: string | null; deployedSha: string | null },
    renewTtlMs?: number,
  ): Promise<void> {
    return recordServing(this.db, id, serving, renewTtlMs);
  }

  recordDeployLog(id: string, lines: string[]): Promise<void> {
    return recordDeployLog(this.db, id, lines);
  }

  deployLog(id: string): Promise<string[]> {
    return readDeployLog(this.db, id);
  }

  finishWork(
    work: ClaimedWork,
    outcome: { state: ReviewEnvironmentState; reason: string | null },
  ): Promise<boolean> {
    return finishEnvironmentWork(this.db, work, outcome);
  }

  recordDatabaseResource(id: string, resource: LedgerResource): Promise<void> {
    return recordDatabaseResource(this.db, id, resource);
  }

  databaseResources(id: string): Promise<LedgerResource[]> {
    return listDatabaseResources(this.db, id);
  }

  forgetDatabaseResource(id: string, resource: LedgerResource): Promise<void> {
    return forgetDatabaseResource(this.db, id, resource);
  }

  recordDatabase(id: string, url: string): Promise<void> {
    return recordDatabase(this.db, id, url);
  }

  databaseUrl(id: string): Promise<string | undefined> {
    return readDatabaseUrl(this.db, id);
  }

  forgetDatabase(id: string): Promise<void> {
    return forgetDatabase(this.db, id);
  }

  databaseOwners(): Promise<string[]> {
    return listDatabaseOwners(this.db);
  }

  startSeed(
    seed: {
      environmentId: string;
      tenant: string;
      actor: string;
      policyRevision: string;
    },
    abandonedAfterMs: number,
  ): Promise<ReviewEnvironmentSeed> {
    return startSeed(this.db, seed, abandonedAfterMs);
  }

  recordSeedProgress(id: number, rowsCopied: number): Promise<void> {
    return recordSeedProgress(this.db, id, rowsCopied);
  }

  finishSeed(
    id: number,
    outcome: { rows: number } | { error: string },
  ): Promise<ReviewEnvironmentSeed> {
    return finishSeed(this.db, id, outcome);
  }

  seeds(
    environmentId: string,
    limit: number,
  ): Promise<ReviewEnvironmentSeed[]> {
    return listSeeds(this.db, environmentId, limit);
  }

  seedSecret(): Promise<string> {
    return readOrMakeSecret(this.db, 'seed');
  }
}
