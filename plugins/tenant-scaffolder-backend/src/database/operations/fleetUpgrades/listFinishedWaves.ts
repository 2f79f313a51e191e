import { databaseNowSql } from '@internal/backend-plugin-utils';
import { FleetUpgradeTenantStatus } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import {
  toUpgrade,
  UPGRADE_TENANTS,
  UpgradeRow,
  UPGRADES,
} from '../../fleetUpgradeRows';
import { FinishedWave } from '../../FleetUpgradeStore';
import { countFleetUpgradeTenants } from './countFleetUpgradeTenants';

/** Running upgrades whose current wave has nothing left pending or running. */
export async function listFinishedWaves(db: Knex): Promise<FinishedWave[]> {
  const rows: UpgradeRow[] = await db(UPGRADES)
    .where({ status: 'running' })
    .whereNotExists(
      db(UPGRADE_TENANTS)
        .whereRaw(`upgrade_id = ${UPGRADES}.id`)
        .whereRaw(`wave <= ${UPGRADES}.current_wave`)
        .whereIn('status', ['pending', 'running']),
    );
  const waves: FinishedWave[] = [];
  for (const row of rows) {
    const inWave: Array<{ status: FleetUpgradeTenantStatus; n: unknown }> =
      await db(UPGRADE_TENANTS)
        .where({ upgrade_id: row.id, wave: row.current_wave })
        .groupBy('status')
        .select('status')
        .count('* as n');
    const count = (status: FleetUpgradeTenantStatus) =>
      Number(inWave.find(r => r.status === status)?.n ?? 0);
    const [counts] = await countFleetUpgradeTenants(db, [row.id]);
    waves.push({
      upgrade: toUpgrade(row, counts),
      total: count('succeeded') + count('failed'),
      failed: count('failed'),
      ...(row.soak_until_ms !== null &&
        row.wave_finished_at_ms !== null && {
          soak: {
            since: new Date(Number(row.wave_finished_at_ms)),
            remainingMs: Number(row.soak_until_ms) - (await databaseNow(db)),
          },
        }),
    });
  }
  return waves;
}

/** The database's clock, which every replica's soak is measured by. */
async function databaseNow(db: Knex): Promise<number> {
  const row = await db
    .select(db.raw(`${databaseNowSql(db)} as now_ms`))
    .first();
  return Number(row.now_ms);
}
