import type { ObserveOptions } from '../database/EnvironmentStore';

/** How a pull request labelled for review is observed: wanted, on the local target, for an hour. */
export function wantedEnvironment(id: string): ObserveOptions {
  return {
    id,
    target: 'local',
    wanted: true,
    keep: false,
    ttlMs: 3_600_000,
    actor: 'test',
    unwantedReason: '',
  };
}
