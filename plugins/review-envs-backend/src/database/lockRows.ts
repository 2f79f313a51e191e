import {
  LockHistoryAction,
  LockHistoryEntry,
} from '@internal/plugin-review-envs-common';
import { StoredLock } from './LockStore';

/** A row of the locks table, read with the database clock as `now_ms`. */
export type LockRow = {
  name: string;
  holder: string | null;
  reason: string | null;
  fencing_token: string | number;
  acquired_at_ms: string | number | null;
  expires_at_ms: string | number | null;
  now_ms: string | number;
};

export type LockQueueRow = {
  id: number;
  lock_name: string;
  requester: string;
  reason: string;
  duration_ms: string | number;
  enqueued_at_ms: string | number;
};

export type LockHistoryRow = {
  action: string;
  actor: string;
  holder: string | null;
  fencing_token: string | number | null;
  reason: string | null;
  at_ms: string | number;
};

export function toStoredLock(row: LockRow, queue: LockQueueRow[]): StoredLock {
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

export function toLockHistoryEntry(row: LockHistoryRow): LockHistoryEntry {
  return {
    action: row.action as LockHistoryAction,
    actor: row.actor,
    holder: row.holder,
    fencingToken: toNumberOrNull(row.fencing_token),
    reason: row.reason,
    at: new Date(Number(row.at_ms)).toISOString(),
  };
}

function toNumberOrNull(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
