/**
 * A fleet upgrade rolls one version to every tenant that is ready when it
 * starts, in waves: a canary tenant first, then growing batches. It pauses by
 * itself when the failures in a wave pass `maxFailureShare`; a person then
 * resumes it (or cancels it). One tenant's failure never stops the others in
 * its wave, and a failed tenant can be retried alone.
 */
export type FleetUpgrade = {
  id: number;
  version: string;
  status: FleetUpgradeStatus;
  /** Why it paused, failed to start or was cancelled, in a sentence. */
  reason: string | null;
  options: FleetUpgradeOptions;
  /** The wave now running, or the last one that ran; 0 is the canary. */
  currentWave: number;
  waveCount: number;
  counts: FleetUpgradeCounts;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

export type FleetUpgradeStatus =
  | 'running'
  /** A wave's failures passed the share; waits for resume or cancel. */
  | 'paused'
  /** Every wave ran; some tenants may have failed within the share. */
  | 'completed'
  | 'cancelled';

export type FleetUpgradeOptions = {
  /** Tenants upgraded at once within a wave. */
  concurrency: number;
  /** Pause when more than this share of a wave's tenants fail (0 to 1). */
  maxFailureShare: number;
  /** Size of the first wave after the canary; each later wave doubles, up to `maxWaveSize`. */
  firstWaveSize: number;
  maxWaveSize: number;
};

export type FleetUpgradeCounts = {
  total: number;
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  /** Left out when the upgrade was cancelled. */
  skipped: number;
};

export type FleetUpgradeTenantStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'skipped';

/** One tenant's part in a fleet upgrade. */
export type FleetUpgradeTenant = {
  slug: string;
  wave: number;
  status: FleetUpgradeTenantStatus;
  fromVersion: string;
  attempts: number;
  /** Why the last attempt failed; the tenant keeps serving `fromVersion`. */
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};

export type FleetUpgradeDetails = FleetUpgrade & {
  tenants: FleetUpgradeTenant[];
};

/** `POST /fleet-upgrades` body: the version, and any options to change from the defaults. */
export type FleetUpgradeRequest = {
  version: string;
} & Partial<FleetUpgradeOptions>;

/** What a tenant version may be: `2.4.0`, `2.4.0-rc.1`, a commit id; safe in a file name and a URL. */
export const TENANT_VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

export const DEFAULT_FLEET_UPGRADE_OPTIONS: FleetUpgradeOptions = {
  concurrency: 8,
  maxFailureShare: 0.2,
  firstWaveSize: 5,
  maxWaveSize: 50,
};

/**
 * The wave of each of `count` tenants, in order: the first is the canary
 * (wave 0), then `firstWaveSize`, doubling up to `maxWaveSize`.
 */
export function planWaves(
  count: number,
  options: Pick<FleetUpgradeOptions, 'firstWaveSize' | 'maxWaveSize'>,
): number[] {
  const waves: number[] = [];
  let wave = 0;
  let size = 1;
  while (waves.length < count) {
    for (let i = 0; i < size && waves.length < count; i++) waves.push(wave);
    size =
      wave === 0
        ? options.firstWaveSize
        : Math.min(size * 2, options.maxWaveSize);
    wave++;
  }
  return waves;
}
