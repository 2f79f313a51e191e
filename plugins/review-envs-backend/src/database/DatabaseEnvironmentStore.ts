import { databaseNowSql, migratedClient } from '@internal/backend-plugin-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  PullRequestSnapshot,
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

/** Whose migrations/ folder holds this store's tables. */
const PACKAGE = '@internal/plugin-review-envs-backend';

const ENVIRONMENTS = 'review_envs_environments';
const HISTORY = 'review_envs_environment_history';
const PULL_REQUESTS = 'review_envs_pull_requests';

type EnvironmentRow = {
  id: string;
  repository: string;
  pull_request: number;
  title: string;
  branch: string;
  head_sha: string;
  author: string;
  state: ReviewEnvironmentState;
  state_reason: string | null;
  url: string | null;
  deployed_sha: string | null;
  keep: boolean | number;
  target: string;
  revision: string | number;
  created_at_ms: string | number;
  last_activity_at_ms: string | number;
  expires_at_ms: string | number;
  last_deploy_at_ms: string | number | null;
  lease_until_ms: string | number | null;
};

/** States in which an environment is still wanted and may serve. */
const LIVE_STATES: ReviewEnvironmentState[] = [
  'pending',
  'deploying',
  'ready',
  'failed',
];

export class DatabaseEnvironmentStore implements EnvironmentStore {
  static async create(options: { database: DatabaseService }) {
    return new DatabaseEnvironmentStore(
      await migratedClient(options.database, PACKAGE),
    );
  }

  private readonly now: string;

  private constructor(private readonly db: Knex) {
    this.now = databaseNowSql(db);
  }

  async list(): Promise<StoredEnvironment[]> {
    const rows: EnvironmentRow[] = await this.db(ENVIRONMENTS).orderBy([
      { column: 'repository' },
      { column: 'pull_request', order: 'desc' },
    ]);
    return rows.map(toEnvironment);
  }

  async get(id: string): Promise<StoredEnvironment | undefined> {
    const row = await this.db(ENVIRONMENTS).where({ id }).first();
    return row ? toEnvironment(row) : undefined;
  }

  async history(id: string, limit: number): Promise<ReviewEnvironmentEvent[]> {
    const rows = await this.db(HISTORY)
      .where({ environment_id: id })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(row => ({
      state: row.state,
      actor: row.actor,
      reason: row.reason,
      at: new Date(Number(row.at_ms)).toISOString(),
    }));
  }

  async observe(
    snapshot: PullRequestSnapshot,
    options: ObserveOptions,
  ): Promise<ObserveResult> {
    return this.db.transaction(async tx => {
      const key = {
        repository: snapshot.repository,
        pull_request: snapshot.number,
      };
      if (!(await this.isNewest(tx, snapshot))) {
        const current = await tx(ENVIRONMENTS).where(key).first();
        return {
          environment: current ? toEnvironment(current) : undefined,
          stale: true,
        };
      }
      const environment = await this.apply(tx, snapshot, options);
      return { environment, stale: false };
    });
  }

  /**
   * Records the snapshot's `updatedAt` as the pull request's newest, unless
   * a newer one was recorded already (then false). The conditional write
   * also locks the row until the transaction ends, so concurrent snapshots
   * of one pull request are applied one after the other, in the order their
   * writes land, and an older one that lands second is refused.
   */
  private async isNewest(
    tx: Knex.Transaction,
    snapshot: PullRequestSnapshot,
  ): Promise<boolean> {
    if (snapshot.updatedAt === undefined) return true;
    const updatedAtMs = Date.parse(snapshot.updatedAt);
    if (Number.isNaN(updatedAtMs)) return true;
    const key = {
      repository: snapshot.repository,
      pull_request: snapshot.number,
    };
    const inserted = await tx(PULL_REQUESTS)
      .insert({ ...key, updated_at_ms: updatedAtMs })
      .onConflict(['repository', 'pull_request'])
      .ignore()
      .returning('repository');
    if (inserted.length > 0) return true;
    // Equal times are applied: GitHub's are in whole seconds, and two
    // changes in one second cannot be told apart by them.
    const updated = await tx(PULL_REQUESTS)
      .where(key)
      .where('updated_at_ms', '<=', updatedAtMs)
      .update({ updated_at_ms: updatedAtMs });
    return updated > 0;
  }

  private async apply(
    tx: Knex.Transaction,
    snapshot: PullRequestSnapshot,
    options: ObserveOptions,
  ): Promise<StoredEnvironment | undefined> {
    const key = {
      repository: snapshot.repository,
      pull_request: snapshot.number,
    };
    let row: EnvironmentRow | undefined = await tx(ENVIRONMENTS)
      .where(key)
      .first();
    if (!row && !options.wanted) return undefined;

    if (!row) {
      const inserted = await tx(ENVIRONMENTS)
        .insert({
          id: options.id,
          ...key,
          ...this.pullRequestColumns(snapshot, options.keep),
          state: 'pending',
          state_reason: `labelled for review by ${snapshot.author}`,
          target: options.target,
          revision: 1,
          created_at_ms: tx.raw(this.now),
          last_activity_at_ms: tx.raw(this.now),
          expires_at_ms: tx.raw(`${this.now} + ?`, [options.ttlMs]),
        })
        .onConflict(['repository', 'pull_request'])
        .ignore()
        .returning('id');
      row = await tx(ENVIRONMENTS).where(key).first();
      if (inserted.length > 0) {
        await this.record(
          tx,
          row!.id,
          'pending',
          options.actor,
          row!.state_reason,
        );
        return toEnvironment(row!);
      }
    }
    const current = row!;

    if (options.wanted) {
      const changed =
        current.head_sha !== snapshot.headSha ||
        current.state === 'gone' ||
        current.state === 'tearing-down';
      const update: Record<string, unknown> = {
        ...this.pullRequestColumns(snapshot, options.keep),
        revision: tx.raw('revision + 1'),
      };
      if (changed) {
        const reason =
          current.head_sha !== snapshot.headSha
            ? `new commit ${snapshot.headSha.slice(0, 12)}`
            : `labelled for review again by ${snapshot.author}`;
        Object.assign(update, this.activityColumns(tx, options.ttlMs), {
          state: 'pending',
          state_reason: reason,
        });
        await this.record(tx, current.id, 'pending', options.actor, reason);
      }
      await tx(ENVIRONMENTS).where({ id: current.id }).update(update);
    } else if (LIVE_STATES.includes(current.state)) {
      // Never deployed and not being deployed: nothing to tear down.
      const next: ReviewEnvironmentState =
        current.state === 'pending' && current.deployed_sha === null
          ? 'gone'
          : 'tearing-down';
      await tx(ENVIRONMENTS)
        .where({ id: current.id })
        .update({
          ...this.pullRequestColumns(snapshot, options.keep),
          state: next,
          state_reason: options.unwantedReason,
          revision: tx.raw('revision + 1'),
        });
      await this.record(
        tx,
        current.id,
        next,
        options.actor,
        options.unwantedReason,
      );
    }
    return toEnvironment(
      await tx(ENVIRONMENTS).where({ id: current.id }).first(),
    );
  }

  async request(
    id: string,
    state: 'pending' | 'tearing-down',
    actor: string,
    reason: string,
    options: { renewTtlMs?: number; releaseLease?: boolean } = {},
  ): Promise<StoredEnvironment | undefined> {
    const { renewTtlMs, releaseLease } = options;
    return this.db.transaction(async tx => {
      const updated = await tx(ENVIRONMENTS)
        .where({ id })
        .update({
          state,
          state_reason: reason,
          revision: tx.raw('revision + 1'),
          ...(state === 'pending'
            ? { last_activity_at_ms: tx.raw(this.now) }
            : {}),
          ...(renewTtlMs
            ? { expires_at_ms: this.renewedExpiry(renewTtlMs) }
            : {}),
          ...(releaseLease ? { lease_until_ms: null } : {}),
        });
      if (updated === 0) return undefined;
      await this.record(tx, id, state, actor, reason);
      return toEnvironment(await tx(ENVIRONMENTS).where({ id }).first());
    });
  }

  async extend(
    id: string,
    ttlMs: number,
    actor: string,
  ): Promise<StoredEnvironment | undefined> {
    return this.db.transaction(async tx => {
      const current: EnvironmentRow | undefined = await tx(ENVIRONMENTS)
        .where({ id })
        .first();
      if (!current) return undefined;
      await tx(ENVIRONMENTS)
        .where({ id })
        .update({
          ...this.activityColumns(tx, ttlMs),
          revision: tx.raw('revision + 1'),
        });
      const hours = Math.round((ttlMs / 3_600_000) * 10) / 10;
      await this.record(tx, id, current.state, actor, `extended by ${hours} h`);
      return toEnvironment(await tx(ENVIRONMENTS).where({ id }).first());
    });
  }

  async expireOverdue(): Promise<string[]> {
    const overdue: Array<{ id: string; revision: string | number }> =
      await this.db(ENVIRONMENTS)
        .whereIn('state', ['pending', 'ready', 'failed'])
        .where('keep', false)
        .where('expires_at_ms', '<=', this.db.raw(this.now))
        .select('id', 'revision');
    const expired: string[] = [];
    for (const { id, revision } of overdue) {
      const reason = 'its time-to-live ran out';
      const done = await this.db.transaction(async tx => {
        const updated = await tx(ENVIRONMENTS)
          .where({ id, revision })
          .update({
            state: 'tearing-down',
            state_reason: reason,
            revision: tx.raw('revision + 1'),
          });
        if (updated > 0)
          await this.record(tx, id, 'tearing-down', 'expiry', reason);
        return updated > 0;
      });
      if (done) expired.push(id);
    }
    return expired;
  }

  async claimWork(limit: number, leaseMs: number): Promise<ClaimedWork[]> {
    const candidates: EnvironmentRow[] = await this.db(ENVIRONMENTS)
      .where(work =>
        work
          .whereIn('state', ['pending', 'tearing-down'])
          .orWhere('state', 'deploying'),
      )
      .where(unleased =>
        unleased
          .whereNull('lease_until_ms')
          .orWhere('lease_until_ms', '<=', this.db.raw(this.now)),
      )
      // Deploys first: someone waits for them.
      .orderByRaw("case when state = 'tearing-down' then 1 else 0 end")
      .orderBy('last_activity_at_ms')
      .limit(limit);

    const claimed: ClaimedWork[] = [];
    for (const candidate of candidates) {
      const action = candidate.state === 'tearing-down' ? 'teardown' : 'deploy';
      const got = await this.db.transaction(async tx => {
        const updated = await tx(ENVIRONMENTS)
          .where({ id: candidate.id, revision: candidate.revision })
          .update({
            state: action === 'deploy' ? 'deploying' : 'tearing-down',
            revision: tx.raw('revision + 1'),
            lease_until_ms: tx.raw(`${this.now} + ?`, [leaseMs]),
          });
        if (updated === 0) return undefined;
        if (action === 'deploy') {
          await this.record(
            tx,
            candidate.id,
            'deploying',
            'worker',
            `deploying ${candidate.head_sha.slice(0, 12)}`,
          );
        }
        return toEnvironment(
          await tx(ENVIRONMENTS).where({ id: candidate.id }).first(),
        );
      });
      if (got) claimed.push({ environment: got, action });
    }
    return claimed;
  }

  async renewLease(work: ClaimedWork, leaseMs: number): Promise<boolean> {
    // Not by revision: a pull request's new commit changes that mid-deploy,
    // and the claim still holds until finishWork. A lease that ran out may
    // be another replica's by now.
    const updated = await this.db(ENVIRONMENTS)
      .where({ id: work.environment.id })
      .where('lease_until_ms', '>', this.db.raw(this.now))
      .update({ lease_until_ms: this.db.raw(`${this.now} + ?`, [leaseMs]) });
    return updated === 1;
  }

  async recordServing(
    id: string,
    serving: { url: string | null; deployedSha: string | null },
    renewTtlMs?: number,
  ): Promise<void> {
    await this.db(ENVIRONMENTS)
      .where({ id })
      .update({
        url: serving.url,
        deployed_sha: serving.deployedSha,
        ...(serving.deployedSha
          ? {
              last_deploy_at_ms: this.db.raw(this.now),
              last_activity_at_ms: this.db.raw(this.now),
              ...(renewTtlMs
                ? { expires_at_ms: this.renewedExpiry(renewTtlMs) }
                : {}),
            }
          : {}),
      });
  }

  async recordDeployLog(id: string, lines: string[]): Promise<void> {
    await this.db(ENVIRONMENTS)
      .where({ id })
      .update({ last_deploy_log: lines.slice(-500).join('\n') });
  }

  async deployLog(id: string): Promise<string[]> {
    const row = await this.db(ENVIRONMENTS)
      .where({ id })
      .select('last_deploy_log')
      .first();
    return row?.last_deploy_log ? String(row.last_deploy_log).split('\n') : [];
  }

  async finishWork(
    work: ClaimedWork,
    outcome: { state: ReviewEnvironmentState; reason: string | null },
  ): Promise<boolean> {
    const { id, revision } = work.environment;
    return this.db.transaction(async tx => {
      const updated = await tx(ENVIRONMENTS)
        .where({ id, revision })
        .update({
          state: outcome.state,
          state_reason: outcome.reason,
          revision: tx.raw('revision + 1'),
          lease_until_ms: null,
        });
      if (updated === 0) {
        // Changed while we worked: release the lease so the new state is picked up.
        await tx(ENVIRONMENTS).where({ id }).update({ lease_until_ms: null });
        return false;
      }
      await this.record(tx, id, outcome.state, 'worker', outcome.reason);
      return true;
    });
  }

  private pullRequestColumns(snapshot: PullRequestSnapshot, keep: boolean) {
    return {
      title: snapshot.title,
      branch: snapshot.branch,
      head_sha: snapshot.headSha,
      author: snapshot.author,
      keep,
    };
  }

  /** Now plus `ttlMs`, unless the expiry is later already (an extension). */
  private renewedExpiry(ttlMs: number) {
    return this.db.raw(
      `CASE WHEN expires_at_ms > ${this.now} + ? THEN expires_at_ms ELSE ${this.now} + ? END`,
      [ttlMs, ttlMs],
    );
  }

  private activityColumns(tx: Knex.Transaction, ttlMs: number) {
    return {
      last_activity_at_ms: tx.raw(this.now),
      expires_at_ms: tx.raw(`${this.now} + ?`, [ttlMs]),
    };
  }

  private async record(
    tx: Knex.Transaction,
    id: string,
    state: ReviewEnvironmentState,
    actor: string,
    reason: string | null,
  ) {
    await tx(HISTORY).insert({
      environment_id: id,
      state,
      actor,
      reason,
      at_ms: tx.raw(this.now),
    });
  }
}

function toEnvironment(row: EnvironmentRow): StoredEnvironment {
  const iso = (ms: string | number) => new Date(Number(ms)).toISOString();
  return {
    id: row.id,
    repository: row.repository,
    pullRequest: Number(row.pull_request),
    title: row.title,
    branch: row.branch,
    headSha: row.head_sha,
    author: row.author,
    state: row.state,
    stateReason: row.state_reason,
    url: row.url,
    deployedSha: row.deployed_sha,
    keep: Boolean(row.keep),
    target: row.target,
    revision: Number(row.revision),
    createdAt: iso(row.created_at_ms),
    lastActivityAt: iso(row.last_activity_at_ms),
    expiresAt: iso(row.expires_at_ms),
    lastDeployAt:
      row.last_deploy_at_ms === null ? null : iso(row.last_deploy_at_ms),
  };
}
