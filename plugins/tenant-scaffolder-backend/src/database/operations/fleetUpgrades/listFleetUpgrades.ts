import { FleetUpgrade } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { toUpgrade, UpgradeRow, UPGRADES } from '../../fleetUpgradeRows';
import { countFleetUpgradeTenants } from './countFleetUpgradeTenants';

/** Newest first. */
export async function listFleetUpgrades(
  db: Knex,
  limit: number,
): Promise<FleetUpgrade[]> {
  const rows: UpgradeRow[] = await db(UPGRADES)
    .orderBy('id', 'desc')
    .limit(limit);
  const counts = await countFleetUpgradeTenants(
    db,
    rows.map(row => row.id),
  );
  return rows.map((row, index) => toUpgrade(row, counts[index]));
}
