import { Knex } from 'knex';
import { refusalForHolderWrite } from '../../locks/lockRules';
import { LockStore, LockWriteResult } from '../LockStore';
import { LOCKS_TABLE } from '../tables';
import { grantLockToQueue } from './grantLockToQueue';
import { FREE_COLUMNS } from './lockColumns';
import { readLock } from './readLock';
import { recordLockEvent } from './recordLockEvent';
import { settleLock } from './settleLock';

/** Ends the holder's current grant; the head of the queue gets the lock. */
export async function releaseLock(
  db: Knex,
  options: Parameters<LockStore['release']>[0],
): Promise<LockWriteResult> {
  const { name, holder, fencingToken } = options;
  return db.transaction(async tx => {
    await settleLock(tx, name);
    const before = await readLock(tx, name);
    if (!before) return { refused: 'unknown-lock' };
    const released = await tx(LOCKS_TABLE)
      .where({ name, holder, fencing_token: fencingToken })
      .update(FREE_COLUMNS);
    if (released === 0) {
      return refusalForHolderWrite(before, holder, fencingToken);
    }
    await recordLockEvent(tx, name, 'released', holder, before);
    await grantLockToQueue(tx, name);
    return { lock: (await readLock(tx, name))! };
  });
}
