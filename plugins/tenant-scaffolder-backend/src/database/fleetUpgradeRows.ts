import {
  FleetUpgrade,
  FleetUpgradeCounts,
  FleetUpgradeStatus,
  FleetUpgradeTenant,
  FleetUpgradeTenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import { isoTime, isoTimeOrNull, Millis } from './millis';

/** The fleet upgrades' tables, as the migrations make them. */
export const UPGRADES = 'fleet_upgrades';
export const UPGRADE_TENANTS = 'fleet_upgrade_tenants';

export type UpgradeRow = {
  id: number;
  version: string;
  status: FleetUpgradeStatus;
  reason: string | null;
  options: string;
  current_wave: number;
  wave_count: number;
  created_by: string;
  created_at_ms: Millis;
  updated_at_ms: Millis;
  finished_at_ms: Millis | null;
  wave_finished_at_ms: Millis | null;
  soak_until_ms: Millis | null;
};

export type UpgradeTenantRow = {
  upgrade_id: number;
  slug: string;
  wave: number;
  position: number;
  status: FleetUpgradeTenantStatus;
  from_version: string;
  attempts: number;
  error: string | null;
  started_at_ms: Millis | null;
  finished_at_ms: Millis | null;
};

/** Completed and cancelled upgrades are over; the others hold the one active place. */
export const isFinished = (status: FleetUpgradeStatus) =>
  status === 'completed' || status === 'cancelled';

/**
 * The `active` column: set on the running or paused upgrade alone, whose
 * unique index keeps two replicas from both starting one.
 */
export const activeColumn = (status: FleetUpgradeStatus) =>
  isFinished(status) ? null : 'active';

export function toUpgrade(
  row: UpgradeRow,
  counts: FleetUpgradeCounts,
): FleetUpgrade {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    reason: row.reason,
    options: JSON.parse(row.options),
    currentWave: row.current_wave,
    waveCount: row.wave_count,
    counts,
    createdBy: row.created_by,
    createdAt: isoTime(row.created_at_ms),
    updatedAt: isoTime(row.updated_at_ms),
    finishedAt: isoTimeOrNull(row.finished_at_ms),
    soakingUntil: isoTimeOrNull(row.soak_until_ms),
  };
}

export function toUpgradeTenant(row: UpgradeTenantRow): FleetUpgradeTenant {
  return {
    slug: row.slug,
    wave: row.wave,
    status: row.status,
    fromVersion: row.from_version,
    attempts: row.attempts,
    error: row.error,
    startedAt: isoTimeOrNull(row.started_at_ms),
    finishedAt: isoTimeOrNull(row.finished_at_ms),
  };
}
