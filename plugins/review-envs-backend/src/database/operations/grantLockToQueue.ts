import { Knex } from 'knex';
import { SYSTEM_ACTOR } from '../../locks/lockRules';
import { LockQueueRow } from '../lockRows';
import { LOCK_QUEUE_TABLE, LOCKS_TABLE } from '../tables';
import { grantColumns } from './lockColumns';
import { readLock } from './readLock';
import { recordLockEvent } from './recordLockEvent';

/** Hands a free lock to the head of its queue, for the duration they asked. */
export async function grantLockToQueue(
  tx: Knex.Transaction,
  name: string,
): Promise<void> {
  const next: LockQueueRow | undefined = await tx(LOCK_QUEUE_TABLE)
    .where({ lock_name: name })
    .orderBy('id')
    .first();
  if (!next) return;
  const granted = await tx(LOCKS_TABLE)
    .where({ name })
    .whereNull('holder')
    .update(
      grantColumns(tx, next.requester, next.reason, Number(next.duration_ms)),
    );
  if (granted === 0) return;
  await tx(LOCK_QUEUE_TABLE).where({ id: next.id }).delete();
  const lock = (await readLock(tx, name))!;
  await recordLockEvent(tx, name, 'granted-from-queue', SYSTEM_ACTOR, lock);
}
