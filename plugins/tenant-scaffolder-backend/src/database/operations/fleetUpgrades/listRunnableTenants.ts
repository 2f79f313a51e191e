import { FleetUpgradeOptions } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { UPGRADE_TENANTS, UPGRADES } from '../../fleetUpgradeRows';
import { RunnableTenant } from '../../FleetUpgradeStore';

/**
 * Pending tenants of a running upgrade's current wave or earlier, and
 * pending retries whatever their upgrade's state, in the plan's order.
 */
export async function listRunnableTenants(db: Knex): Promise<RunnableTenant[]> {
  const rows: Array<{
    upgrade_id: number;
    slug: string;
    version: string;
    created_by: string;
    options: string;
  }> = await db(`${UPGRADE_TENANTS} as t`)
    .join(`${UPGRADES} as u`, 'u.id', 't.upgrade_id')
    .where('t.status', 'pending')
    .andWhere(q =>
      q
        .where(running =>
          running
            .where('u.status', 'running')
            .andWhere('t.wave', '<=', db.ref('u.current_wave')),
        )
        .orWhere('t.attempts', '>', 0),
    )
    .orderBy(['t.upgrade_id', 't.position'])
    .select('t.upgrade_id', 't.slug', 'u.version', 'u.created_by', 'u.options');
  return rows.map(row => ({
    upgradeId: row.upgrade_id,
    slug: row.slug,
    version: row.version,
    actor: row.created_by,
    concurrency: (JSON.parse(row.options) as FleetUpgradeOptions).concurrency,
  }));
}
