import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import {
  holdIsOverdue,
  refusalOfClaim,
  SYSTEM_ACTOR,
} from '../../locks/lockRules';
import { LockStore, LockWriteResult, StoredLock } from '../LockStore';
import { LockRow, toStoredLock } from '../lockRows';
import { LOCK_QUEUE_TABLE, LOCKS_TABLE } from '../tables';
import { getLock } from './getLock';
import { grantColumns } from './lockColumns';
import { readLock } from './readLock';
import { recordLockEvent } from './recordLockEvent';

/**
 * Grants a free lock nobody queues for. Compare-and-set on the fencing token
 * that was read: of concurrent claimants on any replica, the one whose write
 * lands first wins and every other write matches no row.
 */
export async function claimLock(
  db: Knex,
  options: Parameters<LockStore['claim']>[0],
): Promise<LockWriteResult> {
  const { name, holder, reason, durationMs } = options;
  const seen = await readForClaim(db, name);
  if (!seen) return { refused: 'unknown-lock' };
  const overdue = holdIsOverdue(seen);
  if (seen.holder !== null && !overdue) {
    return { refused: 'held', lock: seen };
  }
  if (seen.queued) {
    // The queue goes first: settling hands the lock to its head.
    return refusalOfClaim((await getLock(db, name))!);
  }

  return db.transaction(async tx => {
    const now = databaseNowSql(tx);
    const granted = await tx(LOCKS_TABLE)
      .where({ name, fencing_token: seen.fencingToken })
      .where(free =>
        free.whereNull('holder').orWhere('expires_at_ms', '<=', tx.raw(now)),
      )
      .whereNotExists(
        tx(LOCK_QUEUE_TABLE).where({ lock_name: name }).select('id'),
      )
      .update(grantColumns(tx, holder, reason, durationMs));
    const lock = (await readLock(tx, name))!;
    if (granted === 0) return refusalOfClaim(lock);
    if (overdue) {
      await recordLockEvent(tx, name, 'expired', SYSTEM_ACTOR, seen);
    }
    await recordLockEvent(tx, name, 'claimed', holder, lock);
    return { lock };
  });
}

/**
 * One round trip: the lock row, the database clock and whether anyone
 * queues (the queue itself is left empty).
 */
async function readForClaim(
  db: Knex,
  name: string,
): Promise<(StoredLock & { queued: boolean }) | undefined> {
  const row: (LockRow & { queued: string | number }) | undefined = await db(
    LOCKS_TABLE,
  )
    .where({ name })
    .select(
      '*',
      db.raw(`${databaseNowSql(db)} as now_ms`),
      db(LOCK_QUEUE_TABLE).where({ lock_name: name }).count('*').as('queued'),
    )
    .first();
  if (!row) return undefined;
  return { ...toStoredLock(row, []), queued: Number(row.queued) > 0 };
}
