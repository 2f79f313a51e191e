import { Knex } from 'knex';
import { UPGRADE_TENANTS } from '../../fleetUpgradeRows';

/** A failed tenant back to pending; false when it is not failed. */
export async function requeueFailedTenant(
  db: Knex,
  id: number,
  slug: string,
): Promise<boolean> {
  const updated = await db(UPGRADE_TENANTS)
    .where({ upgrade_id: id, slug, status: 'failed' })
    .update({ status: 'pending', error: null, finished_at_ms: null });
  return updated === 1;
}
