import type { FleetUpgradeOptions } from './schema/openapi/generated';

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
