import { databaseNowSql } from '@internal/backend-plugin-utils';
import { LockHistoryAction } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { StoredLock } from '../LockStore';
import { LOCK_HISTORY_TABLE } from '../tables';

/** Adds an entry to the lock's history: what happened, who did it, and to whose hold. */
export async function recordLockEvent(
  tx: Knex.Transaction,
  name: string,
  action: LockHistoryAction,
  actor: string,
  subject: Pick<StoredLock, 'holder' | 'reason'> & {
    fencingToken: number | null;
  },
): Promise<void> {
  await tx(LOCK_HISTORY_TABLE).insert({
    lock_name: name,
    action,
    actor,
    holder: subject.holder,
    fencing_token: subject.fencingToken,
    reason: subject.reason,
    at_ms: tx.raw(databaseNowSql(tx)),
  });
}
