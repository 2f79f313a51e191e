import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { HealthRule } from './compareTenantHealth';

const KEY = 'tenantScaffolder.fleetUpgrades.healthGuard';
const METRIC_PATTERN = /^metric:[A-Za-z0-9_.-]{1,100}$/;

/** The health guard's rule and how long each wave soaks before it is judged. */
export type HealthGuardOptions = HealthRule & { soakMs: number };

/**
 * `tenantScaffolder.fleetUpgrades.healthGuard`, with its defaults; undefined
 * when the block is absent (the guard is off). A malformed value stops
 * start-up with the key at fault.
 */
export function readHealthGuardConfig(
  config: Config,
): HealthGuardOptions | undefined {
  const guard = config.getOptionalConfig(KEY);
  if (!guard) return undefined;
  const soakMs =
    guard.getOptional('soak') === undefined
      ? 5 * 60_000
      : durationToMilliseconds(readDurationFromConfig(guard, { key: 'soak' }));
  const metric = guard.getOptionalString('metric');
  if (metric !== undefined && !METRIC_PATTERN.test(metric)) {
    throw new Error(
      `${KEY}.metric must be a pushed metric, metric:<name>, not '${metric}'`,
    );
  }
  const worseWhen = guard.getOptionalString('metricWorseWhen') ?? 'higher';
  if (worseWhen !== 'higher' && worseWhen !== 'lower') {
    throw new Error(`${KEY}.metricWorseWhen must be higher or lower`);
  }
  const number = (key: string, fallback: number, min: number) => {
    const value = guard.getOptionalNumber(key) ?? fallback;
    if (!Number.isFinite(value) || value < min) {
      throw new Error(`${KEY}.${key} must be a number of at least ${min}`);
    }
    return value;
  };
  return {
    soakMs,
    metric,
    metricWorseWhen: worseWhen,
    maxMetricRegression: number('maxMetricRegression', 0.25, 0),
    minSamples: Math.ceil(number('minSamples', 10, 1)),
    maxIncidentRegression: number('maxIncidentRegression', 0.5, 0),
    maxChangeFailureRegression: number('maxChangeFailureRegression', 0.5, 0),
  };
}
