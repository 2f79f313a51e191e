import { LockWriteResult, StoredLock } from '../database/LockStore';

/** Who the history names for what no caller did: expiry, grants from the queue. */
export const SYSTEM_ACTOR = 'system';

/** Whether a hold ran out by the database clock of the read. */
export function holdIsOverdue(lock: StoredLock): boolean {
  return lock.holder !== null && lock.expiresAtMs! <= lock.nowMs;
}

/** Why a holder's write (extend, release) matched no row. */
export function refusalForHolderWrite(
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
 * What a claim that ended with `outcome` means for claims of the same lock
 * that waited on it: refused as it was, or held by its winner; undefined
 * when they must try for themselves.
 */
export function refusalForLaterClaims(
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

/** A claim that found the lock held, or free with others queueing. */
export function refusalOfClaim(lock: StoredLock): LockWriteResult {
  return lock.holder
    ? { refused: 'held', lock }
    : { refused: 'queue-not-empty', lock };
}
