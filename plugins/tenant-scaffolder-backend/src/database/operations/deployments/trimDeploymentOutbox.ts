import { Knex } from 'knex';
import { DEPLOYMENT_OUTBOX } from '../../deploymentOutboxRows';

/** Keeps the newest `keep` events and drops the older ones; answers how many were dropped. */
export async function trimDeploymentOutbox(
  db: Knex,
  keep: number,
): Promise<number> {
  const newest = await db(DEPLOYMENT_OUTBOX)
    .orderBy('id', 'desc')
    .offset(keep)
    .first('id');
  if (!newest) return 0;
  return db(DEPLOYMENT_OUTBOX).where('id', '<=', newest.id).delete();
}
