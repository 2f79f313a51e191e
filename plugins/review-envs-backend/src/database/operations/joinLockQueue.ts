import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { LockStore, LockWriteResult } from '../LockStore';
import { LOCK_QUEUE_TABLE } from '../tables';
import { grantLockToQueue } from './grantLockToQueue';
import { readLock } from './readLock';
import { recordLockEvent } from './recordLockEvent';
import { settleLock } from './settleLock';

/** Puts `requester` at the end of the lock's queue; a free lock goes to its queue at once. */
export async function joinLockQueue(
  db: Knex,
  options: Parameters<LockStore['enqueue']>[0],
): Promise<LockWriteResult> {
  const { name, requester, reason, durationMs } = options;
  return db.transaction(async tx => {
    await settleLock(tx, name);
    const before = await readLock(tx, name);
    if (!before) return { refused: 'unknown-lock' };
    if (
      before.holder === requester ||
      before.queue.some(entry => entry.requester === requester)
    ) {
      return { refused: 'already-queued', lock: before };
    }
    await tx(LOCK_QUEUE_TABLE).insert({
      lock_name: name,
      requester,
      reason,
      duration_ms: durationMs,
      enqueued_at_ms: tx.raw(databaseNowSql(tx)),
    });
    await recordLockEvent(tx, name, 'queued', requester, {
      holder: requester,
      fencingToken: null,
      reason,
    });
    await grantLockToQueue(tx, name);
    return { lock: (await readLock(tx, name))! };
  });
}
