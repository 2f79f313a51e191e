import { Knex } from 'knex';
import {
  DEPLOYMENT_OUTBOX,
  DeploymentOutboxRow,
  QueuedDeployment,
} from '../../deploymentOutboxRows';

/** The oldest queued events, at most `limit`. */
export async function readDeploymentOutbox(
  db: Knex,
  limit: number,
): Promise<QueuedDeployment[]> {
  const rows: DeploymentOutboxRow[] = await db(DEPLOYMENT_OUTBOX)
    .orderBy('id')
    .limit(limit);
  return rows.map(row => ({
    id: Number(row.id),
    slug: row.slug,
    event: JSON.parse(row.event),
  }));
}
