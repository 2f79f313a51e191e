import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { UPGRADE_TENANTS } from '../../fleetUpgradeRows';

/** Extends a running tenant's lease; false when it is no longer held. */
export async function renewFleetUpgradeLease(
  db: Knex,
  lease: { id: number; slug: string; leaseMs: number },
): Promise<boolean> {
  const now = databaseNowSql(db);
  const updated = await db(UPGRADE_TENANTS)
    .where({ upgrade_id: lease.id, slug: lease.slug, status: 'running' })
    .where('lease_until_ms', '>', db.raw(now))
    .update({ lease_until_ms: db.raw(`${now} + ?`, [lease.leaseMs]) });
  return updated === 1;
}
