import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  LockGrant,
  LockHistoryEntry,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';

/** The review-envs backend, as the frontend uses it. */
export interface ReviewEnvsApi {
  listLocks(): Promise<SharedEnvironmentLock[]>;
  claimLock(
    name: string,
    request: { reason: string; durationMinutes?: number },
  ): Promise<LockGrant>;
  extendLock(
    name: string,
    request: { fencingToken: number; durationMinutes?: number },
  ): Promise<LockGrant>;
  releaseLock(
    name: string,
    request: { fencingToken: number },
  ): Promise<SharedEnvironmentLock>;
  forceReleaseLock(name: string): Promise<SharedEnvironmentLock>;
  joinLockQueue(
    name: string,
    request: { reason: string; durationMinutes?: number },
  ): Promise<SharedEnvironmentLock>;
  leaveLockQueue(name: string): Promise<SharedEnvironmentLock>;
  lockHistory(name: string): Promise<LockHistoryEntry[]>;
}

export const reviewEnvsApiRef = createApiRef<ReviewEnvsApi>().with({
  id: 'plugin.review-envs.service',
  pluginId: 'review-envs',
});
