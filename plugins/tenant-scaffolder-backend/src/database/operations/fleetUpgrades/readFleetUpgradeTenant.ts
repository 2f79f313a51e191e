import { FleetUpgradeTenant } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import {
  toUpgradeTenant,
  UPGRADE_TENANTS,
  UpgradeTenantRow,
} from '../../fleetUpgradeRows';

export async function readFleetUpgradeTenant(
  db: Knex,
  id: number,
  slug: string,
): Promise<FleetUpgradeTenant | undefined> {
  const row: UpgradeTenantRow | undefined = await db(UPGRADE_TENANTS)
    .where({ upgrade_id: id, slug })
    .first();
  return row && toUpgradeTenant(row);
}
