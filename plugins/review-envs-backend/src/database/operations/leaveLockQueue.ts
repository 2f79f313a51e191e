import { Knex } from 'knex';
import { LockStore, LockWriteResult } from '../LockStore';
import { LOCK_QUEUE_TABLE } from '../tables';
import { readLock } from './readLock';
import { recordLockEvent } from './recordLockEvent';

/** Takes `requester` out of the lock's queue. */
export async function leaveLockQueue(
  db: Knex,
  options: Parameters<LockStore['leaveQueue']>[0],
): Promise<LockWriteResult> {
  const { name, requester } = options;
  return db.transaction(async tx => {
    const removed = await tx(LOCK_QUEUE_TABLE)
      .where({ lock_name: name, requester })
      .delete();
    const lock = await readLock(tx, name);
    if (!lock) return { refused: 'unknown-lock' };
    if (removed === 0) return { refused: 'not-holder', lock };
    await recordLockEvent(tx, name, 'left-queue', requester, {
      holder: requester,
      fencingToken: null,
      reason: null,
    });
    return { lock };
  });
}
