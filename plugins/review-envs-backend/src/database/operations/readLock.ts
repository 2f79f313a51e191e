import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { StoredLock } from '../LockStore';
import { LockQueueRow, LockRow, toStoredLock } from '../lockRows';
import { LOCK_QUEUE_TABLE, LOCKS_TABLE } from '../tables';

/** A lock with its queue and the database clock, as they are; undefined when unknown. */
export async function readLock(
  db: Knex | Knex.Transaction,
  name: string,
): Promise<StoredLock | undefined> {
  const row: LockRow | undefined = await db(LOCKS_TABLE)
    .where({ name })
    .select('*', db.raw(`${databaseNowSql(db)} as now_ms`))
    .first();
  if (!row) return undefined;
  const queue: LockQueueRow[] = await db(LOCK_QUEUE_TABLE)
    .where({ lock_name: name })
    .orderBy('id');
  return toStoredLock(row, queue);
}
