import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { ClaimedWork } from '../EnvironmentStore';
import { ENVIRONMENTS_TABLE } from '../tables';

/** Extends a claim's lease; false when the claim is no longer held. */
export async function renewWorkLease(
  db: Knex,
  work: ClaimedWork,
  leaseMs: number,
): Promise<boolean> {
  const now = databaseNowSql(db);
  // Not by revision: a pull request's new commit changes that mid-deploy,
  // and the claim still holds until the work finishes. A lease that ran out
  // may be another replica's by now.
  const updated = await db(ENVIRONMENTS_TABLE)
    .where({ id: work.environment.id })
    .where('lease_until_ms', '>', db.raw(now))
    .update({ lease_until_ms: db.raw(`${now} + ?`, [leaseMs]) });
  return updated === 1;
}
