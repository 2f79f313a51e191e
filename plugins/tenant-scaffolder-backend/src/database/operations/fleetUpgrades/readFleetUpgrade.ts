import { FleetUpgradeDetails } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import {
  toUpgrade,
  toUpgradeTenant,
  UPGRADE_TENANTS,
  UpgradeRow,
  UPGRADES,
  UpgradeTenantRow,
} from '../../fleetUpgradeRows';
import { countFleetUpgradeTenants } from './countFleetUpgradeTenants';

/** An upgrade with every tenant's part in it, in the plan's order. */
export async function readFleetUpgrade(
  db: Knex,
  id: number,
): Promise<FleetUpgradeDetails | undefined> {
  const row: UpgradeRow | undefined = await db(UPGRADES).where({ id }).first();
  if (!row) return undefined;
  const tenants: UpgradeTenantRow[] = await db(UPGRADE_TENANTS)
    .where({ upgrade_id: id })
    .orderBy('position');
  const [counts] = await countFleetUpgradeTenants(db, [id]);
  return { ...toUpgrade(row, counts), tenants: tenants.map(toUpgradeTenant) };
}
