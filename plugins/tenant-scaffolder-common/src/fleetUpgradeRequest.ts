import { FieldChecker } from './FieldChecker';
import {
  DEFAULT_FLEET_UPGRADE_OPTIONS,
  FleetUpgradeRequest,
  TENANT_VERSION_PATTERN,
} from './fleetUpgrades';
import type { FleetUpgradeOptions } from './schema/openapi/generated';
import type { FieldProblem } from './FieldProblem';

const OPTION_BOUNDS: Record<
  keyof FleetUpgradeOptions,
  { min: number; max: number; whole: boolean }
> = {
  concurrency: { min: 1, max: 50, whole: true },
  maxFailureShare: { min: 0, max: 1, whole: false },
  firstWaveSize: { min: 1, max: 1000, whole: true },
  maxWaveSize: { min: 1, max: 1000, whole: true },
};
const OPTIONS = Object.keys(OPTION_BOUNDS) as Array<keyof FleetUpgradeOptions>;

/**
 * Checks a fleet upgrade's request (`POST /fleet-upgrades`) and returns
 * every problem found; an empty list means it is valid.
 */
export function fleetUpgradeRequestProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = new FieldChecker(problems);
  const request = check.object(input, '');
  if (!request) return problems;

  const version = check.string(request.version, 'version');
  if (version !== undefined && !TENANT_VERSION_PATTERN.test(version)) {
    check.fail(
      'version',
      'must be a version such as 2.4.0 (at most 64 characters)',
    );
  }
  for (const option of OPTIONS) {
    const value = request[option];
    const { min, max, whole } = OPTION_BOUNDS[option];
    if (
      value !== undefined &&
      (typeof value !== 'number' ||
        (whole && !Number.isInteger(value)) ||
        value < min ||
        value > max)
    ) {
      check.fail(
        option,
        `must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max}`,
      );
    }
  }
  for (const key of Object.keys(request)) {
    if (key !== 'version' && !(OPTIONS as string[]).includes(key)) {
      check.fail(key, 'is not an option of a fleet upgrade');
    }
  }
  if (problems.length === 0) {
    const options = fleetUpgradeOptions(request as FleetUpgradeRequest);
    if (options.maxWaveSize < options.firstWaveSize) {
      check.fail('maxWaveSize', 'must be at least firstWaveSize');
    }
  }
  return problems;
}

/** A request's options, with the defaults for those it leaves out. */
export function fleetUpgradeOptions(
  request: FleetUpgradeRequest,
): FleetUpgradeOptions {
  const options = { ...DEFAULT_FLEET_UPGRADE_OPTIONS };
  for (const option of OPTIONS) {
    options[option] = request[option] ?? options[option];
  }
  return options;
}
