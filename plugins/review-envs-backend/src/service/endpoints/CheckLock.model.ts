import { LockCheck } from '@internal/plugin-review-envs-common';
import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';

/** The deploy check CI pipelines make with their fencing token. */
export class CheckLockModel {
  constructor(private readonly locks: Pick<SharedEnvironmentLocks, 'get'>) {}

  /** "May the holder of this fencing token deploy to the environment now?" */
  async check(name: string, fencingToken: number): Promise<LockCheck> {
    const lock = await this.locks.get(name);
    const base = {
      name,
      holder: lock.holder,
      fencingToken: lock.fencingToken,
      expiresAt: lock.expiresAt,
    };
    if (!lock.holder) {
      return {
        ...base,
        allowed: false,
        reason: `'${name}' is not locked; claim it first`,
      };
    }
    if (lock.fencingToken !== fencingToken) {
      return {
        ...base,
        allowed: false,
        reason: `token ${fencingToken} is stale: '${name}' is held by ${lock.holder} with token ${lock.fencingToken}`,
      };
    }
    return { ...base, allowed: true };
  }
}
