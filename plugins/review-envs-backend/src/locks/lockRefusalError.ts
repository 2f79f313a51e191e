import { ConflictError, NotAllowedError } from '@backstage/errors';
import { LockRefusal } from '../database/LockStore';
import { LockConflictError } from './LockConflictError';
import { conflictDetails } from './presentLock';

/**
 * What a caller is told when the store refused their write on a lock that
 * exists; `refusal.lock` is the lock as the store last read it.
 */
export function lockRefusalError(
  caller: string,
  refusal: Exclude<LockRefusal, { refused: 'unknown-lock' }>,
): Error {
  const { lock } = refusal;
  const { name } = lock;
  const details = conflictDetails(lock);
  switch (refusal.refused) {
    case 'held':
      return new LockConflictError(
        lock.holder === caller
          ? `'${name}' is already held by you until ${details.expiresAt}; extend it instead`
          : `'${name}' is held by ${lock.holder} until ${details.expiresAt} (${lock.reason}); join the queue to get it next`,
        details,
      );
    case 'queue-not-empty':
      return new LockConflictError(
        `'${name}' is free but ${lock.queue.length} ${
          lock.queue.length === 1 ? 'is' : 'are'
        } waiting in its queue; join the queue`,
        details,
      );
    case 'not-held':
      return new ConflictError(`'${name}' is not held (it may have expired)`);
    case 'not-holder':
      return new NotAllowedError(
        `'${name}' is held by ${lock.holder}, not by ${caller}`,
      );
    case 'stale-token':
      return new ConflictError(
        `Stale fencing token for '${name}': the current grant has token ${lock.fencingToken}`,
      );
    case 'already-queued':
      return new ConflictError(
        `${caller} already holds or waits for '${name}'`,
      );
    default:
      return new Error(`unexpected lock refusal ${JSON.stringify(refusal)}`);
  }
}
