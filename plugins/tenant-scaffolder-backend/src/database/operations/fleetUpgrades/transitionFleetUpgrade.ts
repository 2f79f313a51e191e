import { databaseNowSql } from '@internal/backend-plugin-utils';
import {
  FleetUpgrade,
  FleetUpgradeStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import {
  activeColumn,
  isFinished,
  toUpgrade,
  UPGRADE_TENANTS,
  UpgradeRow,
  UPGRADES,
} from '../../fleetUpgradeRows';
import { FleetUpgradeChanges } from '../../FleetUpgradeStore';
import { countFleetUpgradeTenants } from './countFleetUpgradeTenants';

/**
 * Moves an upgrade from one of `from` (and, given `onWave`, from that wave)
 * to `to`, as one conditional update; undefined when it was not there.
 * The current wave's soak, if any, ends with it.
 */
export async function transitionFleetUpgrade(
  db: Knex,
  move: {
    id: number;
    from: FleetUpgradeStatus[];
    to: FleetUpgradeStatus;
    changes: FleetUpgradeChanges;
    onWave?: number;
  },
): Promise<FleetUpgrade | undefined> {
  const { id, to, changes } = move;
  return db.transaction(async tx => {
    const now = () => tx.raw(databaseNowSql(tx));
    const updated = await tx(UPGRADES)
      .where({ id })
      .where(move.onWave === undefined ? {} : { current_wave: move.onWave })
      .whereIn('status', move.from)
      .update({
        status: to,
        active: activeColumn(to),
        ...(changes.reason !== undefined ? { reason: changes.reason } : {}),
        ...(changes.currentWave !== undefined
          ? { current_wave: changes.currentWave }
          : {}),
        updated_at_ms: now(),
        finished_at_ms: isFinished(to) ? now() : null,
        // Any move ends the current wave's soak.
        wave_finished_at_ms: null,
        soak_until_ms: null,
      });
    if (updated === 0) return undefined;
    if (changes.skipPending) {
      await tx(UPGRADE_TENANTS)
        .where({ upgrade_id: id, status: 'pending' })
        .update({ status: 'skipped', finished_at_ms: now() });
    }
    const row: UpgradeRow = await tx(UPGRADES).where({ id }).first();
    const [counts] = await countFleetUpgradeTenants(tx, [id]);
    return toUpgrade(row, counts);
  });
}
