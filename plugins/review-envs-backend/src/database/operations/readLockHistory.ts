import { LockHistoryEntry } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { LockHistoryRow, toLockHistoryEntry } from '../lockRows';
import { LOCK_HISTORY_TABLE } from '../tables';

/** The lock's last `limit` history entries, newest first. */
export async function readLockHistory(
  db: Knex,
  name: string,
  limit: number,
): Promise<LockHistoryEntry[]> {
  const rows: LockHistoryRow[] = await db(LOCK_HISTORY_TABLE)
    .where({ lock_name: name })
    .orderBy('id', 'desc')
    .limit(limit);
  return rows.map(toLockHistoryEntry);
}
