import { databaseNowSql } from '@internal/backend-plugin-utils';
import { FleetUpgradeOptions } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { UPGRADE_TENANTS, UpgradeRow, UPGRADES } from '../../fleetUpgradeRows';

/**
 * Pending to running, leased for `leaseMs`, while fewer than the upgrade's
 * concurrency run: false when another runner took it first, it was
 * skipped, or the upgrade is at its concurrency.
 */
export async function claimFleetUpgradeTenant(
  db: Knex,
  claim: { id: number; slug: string; leaseMs: number },
): Promise<boolean> {
  const { id, slug, leaseMs } = claim;
  const upgrade: UpgradeRow | undefined = await db(UPGRADES)
    .where({ id })
    .first();
  if (!upgrade) return false;
  const { concurrency } = JSON.parse(upgrade.options) as FleetUpgradeOptions;
  const claimIn = async (tx: Knex) => {
    const now = databaseNowSql(tx);
    const updated = await tx(UPGRADE_TENANTS)
      .where({ upgrade_id: id, slug, status: 'pending' })
      .whereRaw(
        `(select count(*) from ${UPGRADE_TENANTS} where upgrade_id = ? and status = 'running') < ?`,
        [id, concurrency],
      )
      .update({
        status: 'running',
        attempts: tx.raw('attempts + 1'),
        error: null,
        started_at_ms: tx.raw(now),
        finished_at_ms: null,
        lease_until_ms: tx.raw(`${now} + ?`, [leaseMs]),
      });
    return updated === 1;
  };
  // SQLite runs one statement at a time, so the count in the statement
  // holds. PostgreSQL's replicas claim side by side: one claim of an
  // upgrade at a time, under a lock on its row.
  if (String(db.client.config.client) !== 'pg') return claimIn(db);
  return db.transaction(async tx => {
    await tx(UPGRADES).where({ id }).forUpdate().first();
    return claimIn(tx);
  });
}
