import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { SYSTEM_ACTOR } from '../../locks/lockRules';
import { LOCKS_TABLE } from '../tables';
import { grantLockToQueue } from './grantLockToQueue';
import { FREE_COLUMNS } from './lockColumns';
import { recordLockEvent } from './recordLockEvent';

/**
 * Ends an overdue grant and hands a free lock to the head of its queue.
 * Both are conditional writes on the fencing token, so replicas settling
 * the same lock at once do it once.
 */
export async function settleLock(
  tx: Knex.Transaction,
  name: string,
): Promise<void> {
  const overdue = await tx(LOCKS_TABLE)
    .where({ name })
    .whereNotNull('holder')
    .where('expires_at_ms', '<=', tx.raw(databaseNowSql(tx)))
    .first();
  if (overdue) {
    const expired = await tx(LOCKS_TABLE)
      .where({ name, fencing_token: overdue.fencing_token })
      .whereNotNull('holder')
      .update(FREE_COLUMNS);
    if (expired > 0) {
      await recordLockEvent(tx, name, 'expired', SYSTEM_ACTOR, {
        holder: overdue.holder,
        fencingToken: Number(overdue.fencing_token),
        reason: overdue.reason,
      });
    }
  }
  await grantLockToQueue(tx, name);
}
