import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { ACTORS, expired } from '../../environments/environmentTransitions';
import { ENVIRONMENTS_TABLE } from '../tables';
import { stateColumns } from './environmentColumns';
import { recordEnvironmentEvent } from './recordEnvironmentEvent';

/** Marks environments past their expiry, and not kept, for teardown; answers their ids. */
export async function expireOverdueEnvironments(db: Knex): Promise<string[]> {
  const overdue: Array<{ id: string; revision: string | number }> = await db(
    ENVIRONMENTS_TABLE,
  )
    .whereIn('state', ['pending', 'ready', 'failed'])
    .where('keep', false)
    .where('expires_at_ms', '<=', db.raw(databaseNowSql(db)))
    .select('id', 'revision');
  const expiredIds: string[] = [];
  for (const { id, revision } of overdue) {
    const done = await db.transaction(async tx => {
      const updated = await tx(ENVIRONMENTS_TABLE)
        .where({ id, revision })
        .update(stateColumns(tx, expired.state, expired.reason));
      if (updated > 0) {
        await recordEnvironmentEvent(tx, id, {
          ...expired,
          actor: ACTORS.expiry,
        });
      }
      return updated > 0;
    });
    if (done) expiredIds.push(id);
  }
  return expiredIds;
}
