import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { UPGRADES } from '../../fleetUpgradeRows';

/**
 * Starts a finished wave's soak, as one conditional update: only on a
 * running upgrade still on `wave` and not soaking yet, so two replicas
 * start it once and the time it began stays the first.
 */
export async function startWaveSoak(
  db: Knex,
  soak: { id: number; wave: number; soakMs: number },
): Promise<boolean> {
  const now = databaseNowSql(db);
  const updated = await db(UPGRADES)
    .where({ id: soak.id, status: 'running', current_wave: soak.wave })
    .whereNull('soak_until_ms')
    .update({
      wave_finished_at_ms: db.raw(now),
      soak_until_ms: db.raw(`${now} + ?`, [soak.soakMs]),
      updated_at_ms: db.raw(now),
    });
  return updated === 1;
}
