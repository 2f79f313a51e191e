import { databaseNowSql, migratedClient } from '@internal/backend-plugin-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  LockHistoryAction,
  LockHistoryEntry,
} from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { LockStore, LockWriteResult, StoredLock } from './LockStore';

/** Whose migrations/ folder holds this store's tables. */
const PACKAGE = '@internal/plugin-review-envs-backend';

const LOCKS = 'review_envs_locks';
const QUEUE = 'review_envs_lock_queue';
const HISTORY = 'review_envs_lock_history';
const SYSTEM_ACTOR = 'system';

type LockRow = {
  name: string;
  holder: string | null;
  reason: string | null;
  fencing_token: string | number;
  acquired_at_ms: string | number | null;
  expires_at_ms: string | number | null;
  now_ms: string | number;
};

type QueueRow = {
  id: number;
  lock_name: string;
  requester: string;
  reason: string;
  duration_ms: string | number;
  enqueued_at_ms: string | number;
};

export class DatabaseLockStore implements LockStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseLockStore> {
    return new DatabaseLockStore(
      await migratedClient(options.database, PACKAGE),
    );
  }

  private readonly now: string;
  private readonly claimsUnderWay = new Map<string, Promise<LockWriteResult>>();

  private constructor(private readonly db: Knex) {
    this.now = databaseNowSql(db);
  }

  async ensureLocks(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.db(LOCKS)
      .insert(names.map(name => ({ name, fencing_token: 0 })))
      .onConflict('name')
      .ignore();
  }

  async list(): Promise<StoredLock[]> {
    const names: string[] = await this.db(LOCKS).orderBy('name').pluck('name');
    const locks = await Promise.all(names.map(name => this.get(name)));
    return locks.filter((lock): lock is StoredLock => lock !== undefined);
  }

  async get(name: string): Promise<StoredLock | undefined> {
    return this.db.transaction(async tx => {
      await this.settle(tx, name);
      return this.read(tx, name);
    });
  }

  /**
   * Claims of one lock that arrive while another claim of it is under way
   * on this replica wait for that claim instead of each reading and writing:
   * if it ended with the lock held (by its claimant or anyone), they are
   * refused with that state, which held during their request; otherwise
   * they try for themselves. A burst of claims then costs this replica one
   * read and one write, not one per caller, and correctness still rests on
   * the conditional write alone.
   */
  async claim(options: {
    name: string;
    holder: string;
    reason: string;
    durationMs: number;
  }): Promise<LockWriteResult> {
    const { name } = options;
    const under = this.claimsUnderWay.get(name);
    if (under) {
      const outcome = await under.catch(() => undefined);
      const refusal = outcome && refusalForLaterClaims(outcome);
      if (refusal) return refusal;
    }
    const attempt = this.claimOnce(options);
    this.claimsUnderWay.set(name, attempt);
    try {
      return await attempt;
    } finally {
      if (this.claimsUnderWay.get(name) === attempt) {
        this.claimsUnderWay.delete(name);
      }
    }
  }

  private async claimOnce(options: {
    name: string;
    holder: string;
    reason: string;
    durationMs: number;
  }): Promise<LockWriteResult> {
    const { name, holder, reason, durationMs } = options;
    const seen = await this.readForClaim(name);
    if (!seen) return { refused: 'unknown-lock' };
    const overdue = seen.holder !== null && seen.expiresAtMs! <= seen.nowMs;
    if (seen.holder !== null && !overdue) {
      return { refused: 'held', lock: seen };
    }
    if (seen.queued) {
      // The queue goes first: settle hands the lock to its head.
      const settled = await this.get(name);
      return settled!.holder
        ? { refused: 'held', lock: settled! }
        : { refused: 'queue-not-empty', lock: settled! };
    }

    // Compare-and-set on the fencing token that was read: of concurrent
    // claimants on any replica, the one whose write lands first wins and
    // every other write matches no row.
    return this.db.transaction(async tx => {
      const granted = await tx(LOCKS)
        .where({ name, fencing_token: seen.fencingToken })
        .where(free =>
          free
            .whereNull('holder')
            .orWhere('expires_at_ms', '<=', tx.raw(this.now)),
        )
        .whereNotExists(tx(QUEUE).where({ lock_name: name }).select('id'))
        .update(this.grantColumns(tx, holder, reason, durationMs));
      const lock = (await this.read(tx, name))!;
      if (granted === 0) {
        return lock.holder
          ? { refused: 'held', lock }
          : { refused: 'queue-not-empty', lock };
      }
      if (overdue) {
        await this.record(tx, name, 'expired', SYSTEM_ACTOR, seen);
      }
      await this.record(tx, name, 'claimed', holder, lock);
      return { lock };
    });
  }

  async extend(options: {
    name: string;
    holder: string;
    fencingToken: number;
    durationMs: number;
  }): Promise<LockWriteResult> {
    const { name, holder, fencingToken, durationMs } = options;
    return this.db.transaction(async tx => {
      await this.settle(tx, name);
      const extended = await tx(LOCKS)
        .where({ name, holder, fencing_token: fencingToken })
        .update({
          expires_at_ms: tx.raw(`${this.now} + ?`, [durationMs]),
        });
      const lock = await this.read(tx, name);
      if (!lock) return { refused: 'unknown-lock' };
      if (extended === 0)
        return this.refusalForHolderWrite(lock, holder, fencingToken);
      await this.record(tx, name, 'extended', holder, lock);
      return { lock };
    });
  }

  async release(options: {
    name: string;
    holder: string;
    fencingToken: number;
  }): Promise<LockWriteResult> {
    const { name, holder, fencingToken } = options;
    return this.db.transaction(async tx => {
      await this.settle(tx, name);
      const before = await this.read(tx, name);
      if (!before) return { refused: 'unknown-lock' };
      const released = await tx(LOCKS)
        .where({ name, holder, fencing_token: fencingToken })
        .update(this.freeColumns());
      if (released === 0)
        return this.refusalForHolderWrite(before, holder, fencingToken);
      await this.record(tx, name, 'released', holder, before);
      await this.grantToQueue(tx, name);
      return { lock: (await this.read(tx, name))! };
    });
  }

  async forceRelease(options: {
    name: string;
    actor: string;
  }): Promise<LockWriteResult> {
    const { name, actor } = options;
    return this.db.transaction(async tx => {
      await this.settle(tx, name);
      const before = await this.read(tx, name);
      if (!before) return { refused: 'unknown-lock' };
      if (!before.holder) return { refused: 'not-held', lock: before };
      const released = await tx(LOCKS)
        .where({ name, fencing_token: before.fencingToken })
        .whereNotNull('holder')
        .update(this.freeColumns());
      if (released === 0) {
        return { refused: 'stale-token', lock: (await this.read(tx, name))! };
      }
      await this.record(tx, name, 'force-released', actor, before);
      await this.grantToQueue(tx, name);
      return { lock: (await this.read(tx, name))! };
    });
  }

  async enqueue(options: {
    name: string;
    requester: string;
    reason: string;
    durationMs: number;
  }): Promise<LockWriteResult> {
    const { name, requester, reason, durationMs } = options;
    return this.db.transaction(async tx => {
      await this.settle(tx, name);
      const before = await this.read(tx, name);
      if (!before) return { refused: 'unknown-lock' };
      if (
        before.holder === requester ||
        before.queue.some(entry => entry.requester === requester)
      ) {
        return { refused: 'already-queued', lock: before };
      }
      await tx(QUEUE).insert({
        lock_name: name,
        requester,
        reason,
        duration_ms: durationMs,
        enqueued_at_ms: tx.raw(this.now),
      });
      await this.record(tx, name, 'queued', requester, {
        holder: requester,
        fencingToken: null,
        reason,
      });
      // A free lock goes to its queue straight away.
      await this.grantToQueue(tx, name);
      return { lock: (await this.read(tx, name))! };
    });
  }

  async leaveQueue(options: {
    name: string;
    requester: string;
  }): Promise<LockWriteResult> {
    const { name, requester } = options;
    return this.db.transaction(async tx => {
      const removed = await tx(QUEUE)
        .where({ lock_name: name, requester })
        .delete();
      const lock = await this.read(tx, name);
      if (!lock) return { refused: 'unknown-lock' };
      if (removed === 0) return { refused: 'not-holder', lock };
      await this.record(tx, name, 'left-queue', requester, {
        holder: requester,
        fencingToken: null,
        reason: null,
      });
      return { lock };
    });
  }

  async history(name: string, limit: number): Promise<LockHistoryEntry[]> {
    const rows = await this.db(HISTORY)
      .where({ lock_name: name })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(row => ({
      action: row.action as LockHistoryAction,
      actor: row.actor,
      holder: row.holder,
      fencingToken:
        row.fencing_token === null ? null : Number(row.fencing_token),
      reason: row.reason,
      at: new Date(Number(row.at_ms)).toISOString(),
    }));
  }

  /**
   * Ends an overdue grant and hands a free lock to the head of its queue.
   * Both are conditional writes on the fencing token, so replicas settling
   * the same lock at once do it once.
   */
  private async settle(tx: Knex.Transaction, name: string): Promise<void> {
    const overdue = await tx(LOCKS)
      .where({ name })
      .whereNotNull('holder')
      .where('expires_at_ms', '<=', tx.raw(this.now))
      .first();
    if (overdue) {
      const expired = await tx(LOCKS)
        .where({ name, fencing_token: overdue.fencing_token })
        .whereNotNull('holder')
        .update(this.freeColumns());
      if (expired > 0) {
        await this.record(tx, name, 'expired', SYSTEM_ACTOR, {
          holder: overdue.holder,
          fencingToken: Number(overdue.fencing_token),
          reason: overdue.reason,
        });
      }
    }
    await this.grantToQueue(tx, name);
  }

  private async grantToQueue(tx: Knex.Transaction, name: string) {
    const next: QueueRow | undefined = await tx(QUEUE)
      .where({ lock_name: name })
      .orderBy('id')
      .first();
    if (!next) return;
    const granted = await tx(LOCKS)
      .where({ name })
      .whereNull('holder')
      .update(
        this.grantColumns(
          tx,
          next.requester,
          next.reason,
          Number(next.duration_ms),
        ),
      );
    if (granted === 0) return;
    await tx(QUEUE).where({ id: next.id }).delete();
    const lock = (await this.read(tx, name))!;
    await this.record(tx, name, 'granted-from-queue', SYSTEM_ACTOR, lock);
  }

  private grantColumns(
    tx: Knex.Transaction,
    holder: string,
    reason: string,
    durationMs: number,
  ) {
    return {
      holder,
      reason,
      fencing_token: tx.raw('fencing_token + 1'),
      acquired_at_ms: tx.raw(this.now),
      expires_at_ms: tx.raw(`${this.now} + ?`, [durationMs]),
    };
  }

  private freeColumns() {
    return {
      holder: null,
      reason: null,
      acquired_at_ms: null,
      expires_at_ms: null,
    };
  }

  private refusalForHolderWrite(
    lock: StoredLock,
    holder: string,
    fencingToken: number,
  ): LockWriteResult {
    if (!lock.holder) return { refused: 'not-held', lock };
    if (lock.fencingToken !== fencingToken)
      return { refused: 'stale-token', lock };
    if (lock.holder !== holder) return { refused: 'not-holder', lock };
    return { refused: 'stale-token', lock };
  }

  /**
   * One round trip: the lock row, the database clock and whether anyone
   * queues (the queue itself is left empty).
   */
  private async readForClaim(
    name: string,
  ): Promise<(StoredLock & { queued: boolean }) | undefined> {
    const row: (LockRow & { queued: string | number }) | undefined =
      await this.db(LOCKS)
        .where({ name })
        .select(
          '*',
          this.db.raw(`${this.now} as now_ms`),
          this.db(QUEUE).where({ lock_name: name }).count('*').as('queued'),
        )
        .first();
    if (!row) return undefined;
    return { ...toStoredLock(row, []), queued: Number(row.queued) > 0 };
  }

  private async read(
    tx: Knex | Knex.Transaction,
    name: string,
  ): Promise<StoredLock | undefined> {
    const row: LockRow | undefined = await tx(LOCKS)
      .where({ name })
      .select('*', tx.raw(`${this.now} as now_ms`))
      .first();
    if (!row) return undefined;
    const queue: QueueRow[] = await tx(QUEUE)
      .where({ lock_name: name })
      .orderBy('id');
    return toStoredLock(row, queue);
  }

  private async record(
    tx: Knex.Transaction,
    name: string,
    action: LockHistoryAction,
    actor: string,
    subject: Pick<StoredLock, 'holder' | 'reason'> & {
      fencingToken: number | null;
    },
  ) {
    await tx(HISTORY).insert({
      lock_name: name,
      action,
      actor,
      holder: subject.holder,
      fencing_token: subject.fencingToken,
      reason: subject.reason,
      at_ms: tx.raw(this.now),
    });
  }
}

function toStoredLock(row: LockRow, queue: QueueRow[]): StoredLock {
  return {
    name: row.name,
    holder: row.holder,
    reason: row.reason,
    fencingToken: Number(row.fencing_token),
    acquiredAtMs: toNumberOrNull(row.acquired_at_ms),
    expiresAtMs: toNumberOrNull(row.expires_at_ms),
    nowMs: Number(row.now_ms),
    queue: queue.map(entry => ({
      requester: entry.requester,
      reason: entry.reason,
      durationMinutes: Math.round(Number(entry.duration_ms) / 60_000),
      enqueuedAtMs: Number(entry.enqueued_at_ms),
    })),
  };
}

function toNumberOrNull(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

/** What a claim that ended with `outcome` means for claims that waited on it, if it decides them. */
function refusalForLaterClaims(
  outcome: LockWriteResult,
): LockWriteResult | undefined {
  if ('lock' in outcome && !('refused' in outcome)) {
    return { refused: 'held', lock: outcome.lock };
  }
  if (
    'refused' in outcome &&
    (outcome.refused === 'held' ||
      outcome.refused === 'queue-not-empty' ||
      outcome.refused === 'unknown-lock')
  ) {
    return outcome;
  }
  return undefined;
}
