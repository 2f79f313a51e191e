import { Knex } from 'knex';
import { DEPLOYMENT_OUTBOX } from '../../deploymentOutboxRows';

/** Removes the events Release Watch has taken. */
export async function deleteDeploymentOutbox(
  db: Knex,
  ids: number[],
): Promise<void> {
  if (ids.length === 0) return;
  await db(DEPLOYMENT_OUTBOX).whereIn('id', ids).delete();
}
