import { Knex } from 'knex';
import { LockStore, LockWriteResult } from '../LockStore';
import { LOCKS_TABLE } from '../tables';
import { grantLockToQueue } from './grantLockToQueue';
import { FREE_COLUMNS } from './lockColumns';
import { readLock } from './readLock';
import { recordLockEvent } from './recordLockEvent';
import { settleLock } from './settleLock';

/** Ends whoever's grant, by `actor`; the head of the queue gets the lock. */
export async function forceReleaseLock(
  db: Knex,
  options: Parameters<LockStore['forceRelease']>[0],
): Promise<LockWriteResult> {
  const { name, actor } = options;
  return db.transaction(async tx => {
    await settleLock(tx, name);
    const before = await readLock(tx, name);
    if (!before) return { refused: 'unknown-lock' };
    if (!before.holder) return { refused: 'not-held', lock: before };
    const released = await tx(LOCKS_TABLE)
      .where({ name, fencing_token: before.fencingToken })
      .whereNotNull('holder')
      .update(FREE_COLUMNS);
    if (released === 0) {
      return { refused: 'stale-token', lock: (await readLock(tx, name))! };
    }
    await recordLockEvent(tx, name, 'force-released', actor, before);
    await grantLockToQueue(tx, name);
    return { lock: (await readLock(tx, name))! };
  });
}
