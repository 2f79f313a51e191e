import {
  LockConflictDetails,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import { StoredLock } from '../database/LockStore';

const isoOrNull = (ms: number | null) =>
  ms ? new Date(ms).toISOString() : null;

/** A stored lock as the API shows it, with its environment's title. */
export function presentLock(
  lock: StoredLock,
  title: string,
): SharedEnvironmentLock {
  return {
    name: lock.name,
    title,
    holder: lock.holder,
    reason: lock.reason,
    fencingToken: lock.fencingToken,
    since: isoOrNull(lock.acquiredAtMs),
    expiresAt: isoOrNull(lock.expiresAtMs),
    queue: lock.queue.map(entry => ({
      requester: entry.requester,
      reason: entry.reason,
      durationMinutes: entry.durationMinutes,
      enqueuedAt: new Date(entry.enqueuedAtMs).toISOString(),
    })),
  };
}

/** The lock as a refused claim found it, for the 409 answer's `error.lock`. */
export function conflictDetails(lock: StoredLock): LockConflictDetails {
  return {
    name: lock.name,
    holder: lock.holder,
    reason: lock.reason,
    fencingToken: lock.fencingToken,
    since: isoOrNull(lock.acquiredAtMs),
    expiresAt: isoOrNull(lock.expiresAtMs),
    queueLength: lock.queue.length,
  };
}
