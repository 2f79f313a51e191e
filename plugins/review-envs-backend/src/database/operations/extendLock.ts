import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { refusalForHolderWrite } from '../../locks/lockRules';
import { LockStore, LockWriteResult } from '../LockStore';
import { LOCKS_TABLE } from '../tables';
import { readLock } from './readLock';
import { recordLockEvent } from './recordLockEvent';
import { settleLock } from './settleLock';

/** Moves the expiry of the holder's current grant to `durationMs` from now. */
export async function extendLock(
  db: Knex,
  options: Parameters<LockStore['extend']>[0],
): Promise<LockWriteResult> {
  const { name, holder, fencingToken, durationMs } = options;
  return db.transaction(async tx => {
    await settleLock(tx, name);
    const extended = await tx(LOCKS_TABLE)
      .where({ name, holder, fencing_token: fencingToken })
      .update({
        expires_at_ms: tx.raw(`${databaseNowSql(tx)} + ?`, [durationMs]),
      });
    const lock = await readLock(tx, name);
    if (!lock) return { refused: 'unknown-lock' };
    if (extended === 0)
      return refusalForHolderWrite(lock, holder, fencingToken);
    await recordLockEvent(tx, name, 'extended', holder, lock);
    return { lock };
  });
}
