import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import {
  activeColumn,
  UPGRADE_TENANTS,
  UPGRADES,
} from '../../fleetUpgradeRows';
import { NewFleetUpgrade } from '../../FleetUpgradeStore';

/** Inserts an upgrade with its planned tenants; undefined when another upgrade is active. */
export async function insertFleetUpgrade(
  db: Knex,
  upgrade: NewFleetUpgrade,
): Promise<number | undefined> {
  const status = upgrade.completedBecause ? 'completed' : 'running';
  const waveCount = Math.max(0, ...upgrade.tenants.map(t => t.wave + 1));
  return db.transaction(async tx => {
    const now = () => tx.raw(databaseNowSql(tx));
    const [row] = await tx(UPGRADES)
      .insert({
        version: upgrade.version,
        status,
        active: activeColumn(status),
        reason: upgrade.completedBecause ?? null,
        options: JSON.stringify(upgrade.options),
        current_wave: 0,
        wave_count: waveCount,
        created_by: upgrade.createdBy,
        created_at_ms: now(),
        updated_at_ms: now(),
        finished_at_ms: status === 'completed' ? now() : null,
      })
      .onConflict('active')
      .ignore()
      .returning('id');
    if (!row) return undefined;
    const id: number = typeof row === 'object' ? row.id : row;
    // Chunked: SQLite allows a limited number of bound variables per statement.
    const rows = upgrade.tenants.map((tenant, position) => ({
      upgrade_id: id,
      slug: tenant.slug,
      wave: tenant.wave,
      position,
      status: 'pending',
      from_version: tenant.fromVersion,
      attempts: 0,
    }));
    await tx.batchInsert(UPGRADE_TENANTS, rows, 100);
    return id;
  });
}
