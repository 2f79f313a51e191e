import {
  LockHistoryEntry,
  LockQueueEntry,
} from '@internal/plugin-review-envs-common';

/** A lock row with its queue, times in epoch milliseconds of the database clock. */
export type StoredLock = {
  name: string;
  holder: string | null;
  reason: string | null;
  fencingToken: number;
  acquiredAtMs: number | null;
  expiresAtMs: number | null;
  queue: Array<Omit<LockQueueEntry, 'enqueuedAt'> & { enqueuedAtMs: number }>;
  /** The database clock when the lock was read. */
  nowMs: number;
};

/** Why a conditional write on a lock did not happen. */
export type LockRefusal =
  | { refused: 'unknown-lock' }
  | { refused: 'held'; lock: StoredLock }
  | { refused: 'queue-not-empty'; lock: StoredLock }
  | { refused: 'not-held'; lock: StoredLock }
  | { refused: 'not-holder'; lock: StoredLock }
  | { refused: 'stale-token'; lock: StoredLock }
  | { refused: 'already-queued'; lock: StoredLock };

export type LockWriteResult = { lock: StoredLock } | LockRefusal;

/**
 * Shared-environment locks. Every change is one conditional write, so that
 * of concurrent callers on any number of replicas exactly one wins; every
 * change is recorded in the lock's history.
 */
export interface LockStore {
  /** Creates the rows of configured locks that do not exist yet. */
  ensureLocks(names: string[]): Promise<void>;
  /** Reads locks after expiring overdue grants and handing free locks to their queue. */
  list(): Promise<StoredLock[]>;
  get(name: string): Promise<StoredLock | undefined>;
  claim(options: {
    name: string;
    holder: string;
    reason: string;
    durationMs: number;
  }): Promise<LockWriteResult>;
  extend(options: {
    name: string;
    holder: string;
    fencingToken: number;
    durationMs: number;
  }): Promise<LockWriteResult>;
  release(options: {
    name: string;
    holder: string;
    fencingToken: number;
  }): Promise<LockWriteResult>;
  forceRelease(options: {
    name: string;
    actor: string;
  }): Promise<LockWriteResult>;
  enqueue(options: {
    name: string;
    requester: string;
    reason: string;
    durationMs: number;
  }): Promise<LockWriteResult>;
  leaveQueue(options: {
    name: string;
    requester: string;
  }): Promise<LockWriteResult>;
  history(name: string, limit: number): Promise<LockHistoryEntry[]>;
}
