import { FleetUpgrade } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { toUpgrade, UpgradeRow, UPGRADES } from '../../fleetUpgradeRows';
import { countFleetUpgradeTenants } from './countFleetUpgradeTenants';

export async function readActiveFleetUpgrade(
  db: Knex,
): Promise<FleetUpgrade | undefined> {
  const row: UpgradeRow | undefined = await db(UPGRADES)
    .whereNotNull('active')
    .first();
  if (!row) return undefined;
  const [counts] = await countFleetUpgradeTenants(db, [row.id]);
  return toUpgrade(row, counts);
}
