import {
  FleetUpgradeCounts,
  FleetUpgradeTenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { UPGRADE_TENANTS } from '../../fleetUpgradeRows';

/** How many tenants of each upgrade are in each status, in the order of `ids`. */
export async function countFleetUpgradeTenants(
  db: Knex,
  ids: number[],
): Promise<FleetUpgradeCounts[]> {
  const rows: Array<{
    upgrade_id: number;
    status: FleetUpgradeTenantStatus;
    n: unknown;
  }> = ids.length
    ? await db(UPGRADE_TENANTS)
        .whereIn('upgrade_id', ids)
        .groupBy('upgrade_id', 'status')
        .select('upgrade_id', 'status')
        .count('* as n')
    : [];
  return ids.map(id => {
    const counts: FleetUpgradeCounts = {
      total: 0,
      pending: 0,
      running: 0,
      succeeded: 0,
      failed: 0,
      skipped: 0,
    };
    for (const row of rows.filter(r => r.upgrade_id === id)) {
      counts[row.status] = Number(row.n);
      counts.total += Number(row.n);
    }
    return counts;
  });
}
