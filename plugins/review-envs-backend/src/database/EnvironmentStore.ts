import { LedgerResource } from '@internal/backend-databases';
import {
  PullRequestSnapshot,
  ReviewEnvironment,
  ReviewEnvironmentSeed,
  ReviewEnvironmentEvent,
  ReviewEnvironmentState,
} from '@internal/plugin-review-envs-common';

/**
 * A review environment as stored, with the revision that workers claim by,
 * and the tenant its pull request's `seed:<slug>` label names.
 */
export type StoredEnvironment = ReviewEnvironment & {
  revision: number;
  seedTenant: string | null;
};

/** A unit of work a worker has claimed: deploy or tear down one environment. */
export type ClaimedWork = {
  environment: StoredEnvironment;
  action: 'deploy' | 'teardown';
};

export type ObserveOptions = {
  id: string;
  target: string;
  wanted: boolean;
  keep: boolean;
  ttlMs: number;
  actor: string;
  /** Why the environment is no longer wanted, when it is not. */
  unwantedReason: string;
};

export type ObserveResult = {
  environment: StoredEnvironment | undefined;
  /** True when a newer state of the pull request had been applied already: nothing changed. */
  stale: boolean;
};

/** Review environments and their state history. */
export interface EnvironmentStore {
  list(): Promise<StoredEnvironment[]>;
  get(id: string): Promise<StoredEnvironment | undefined>;
  history(id: string, limit: number): Promise<ReviewEnvironmentEvent[]>;

  /**
   * Applies what a pull request looks like now: creates or redeploys its
   * environment when wanted and it changed, tears it down when not wanted.
   * A snapshot with an `updatedAt` older than that of one applied before for
   * the same pull request is not applied (`stale`). Returns the environment
   * afterwards (undefined when never wanted).
   */
  observe(
    snapshot: PullRequestSnapshot,
    options: ObserveOptions,
  ): Promise<ObserveResult>;

  /** Moves an environment to a new state by hand (redeploy, teardown), recording who. */
  request(
    id: string,
    state: Extract<ReviewEnvironmentState, 'pending' | 'tearing-down'>,
    actor: string,
    reason: string,
    options?: {
      /** Activity: the expiry moves to at least this long from now. */
      renewTtlMs?: number;
      /** The worker holding it is known to be gone (a restart): work may start at once. */
      releaseLease?: boolean;
    },
  ): Promise<StoredEnvironment | undefined>;

  /** Pushes the expiry to `ttlMs` from now and counts as activity. */
  extend(
    id: string,
    ttlMs: number,
    actor: string,
  ): Promise<StoredEnvironment | undefined>;

  /** Marks environments past their expiry (and not kept) for teardown. */
  expireOverdue(): Promise<string[]>;

  /** Claims up to `limit` environments that need a deploy or a teardown. */
  claimWork(limit: number, leaseMs: number): Promise<ClaimedWork[]>;

  /** Extends a claim's lease; false when the claim is no longer held. */
  renewLease(work: ClaimedWork, leaseMs: number): Promise<boolean>;

  /** Records what serves now, whatever else changed meanwhile. */
  recordServing(
    id: string,
    serving: { url: string | null; deployedSha: string | null },
    /** A deploy is activity: the expiry moves to at least this long from now. */
    renewTtlMs?: number,
  ): Promise<void>;

  /** Keeps the progress and output of the latest deploy, for the UI. */
  recordDeployLog(id: string, lines: string[]): Promise<void>;
  deployLog(id: string): Promise<string[]>;

  /**
   * Ends a claim with the outcome; a no-op on the state when the environment
   * changed since the claim (its new state will be worked on next).
   */
  finishWork(
    work: ClaimedWork,
    outcome: { state: ReviewEnvironmentState; reason: string | null },
  ): Promise<boolean>;

  /** Records a resource the database driver is about to make for the environment. */
  recordDatabaseResource(id: string, resource: LedgerResource): Promise<void>;
  /** What the database driver made for the environment, oldest first. */
  databaseResources(id: string): Promise<LedgerResource[]>;
  /** Drops a removed resource from the environment's ledger. */
  forgetDatabaseResource(id: string, resource: LedgerResource): Promise<void>;
  /** Keeps the environment's DATABASE_URL (a secret: never answered). */
  recordDatabase(id: string, url: string): Promise<void>;
  /** The environment's DATABASE_URL, when its database is made. */
  databaseUrl(id: string): Promise<string | undefined>;
  forgetDatabase(id: string): Promise<void>;
  /** The environments that have anything of a database recorded. */
  databaseOwners(): Promise<string[]>;

  /**
   * Records a seed as running; 409 while another runs (one whose heartbeat
   * stopped `abandonedAfterMs` ago is marked failed first).
   */
  startSeed(
    seed: {
      environmentId: string;
      tenant: string;
      actor: string;
      policyRevision: string;
    },
    abandonedAfterMs: number,
  ): Promise<ReviewEnvironmentSeed>;
  /** How far a running seed is; also its heartbeat. */
  recordSeedProgress(id: number, rowsCopied: number): Promise<void>;
  /** Ends a seed, and puts it in the environment's history. */
  finishSeed(
    id: number,
    outcome: { rows: number } | { error: string },
  ): Promise<ReviewEnvironmentSeed>;
  /** The environment's last `limit` seeds, newest first. */
  seeds(environmentId: string, limit: number): Promise<ReviewEnvironmentSeed[]>;
  /** The key of masked seeds when none is configured: made once, kept. */
  seedSecret(): Promise<string>;
}
