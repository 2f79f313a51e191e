import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  LockExtendRequest,
  LockGrant,
  LockHistoryEntry,
  LockReleaseRequest,
  LockRequest,
  ReviewEnvironment,
  ReviewEnvironmentEvent,
  ReviewEnvironmentLogs,
  ReviewEnvironmentSeed,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';

/** The review-envs backend, as the frontend uses it. */
export interface ReviewEnvsApi {
  listEnvironments(): Promise<ReviewEnvironment[]>;
  environmentHistory(id: string): Promise<ReviewEnvironmentEvent[]>;
  environmentLogs(id: string): Promise<ReviewEnvironmentLogs>;
  redeployEnvironment(id: string): Promise<ReviewEnvironment>;
  extendEnvironment(id: string, hours?: number): Promise<ReviewEnvironment>;
  teardownEnvironment(id: string): Promise<ReviewEnvironment>;
  /** Loads a tenant's masked data into the environment; resolves when done. */
  seedEnvironment(id: string, tenant: string): Promise<ReviewEnvironmentSeed>;
  /** The environment's seeds, newest first; a running one with its progress. */
  environmentSeeds(id: string): Promise<ReviewEnvironmentSeed[]>;
  listLocks(): Promise<SharedEnvironmentLock[]>;
  claimLock(name: string, request: LockRequest): Promise<LockGrant>;
  extendLock(name: string, request: LockExtendRequest): Promise<LockGrant>;
  releaseLock(
    name: string,
    request: LockReleaseRequest,
  ): Promise<SharedEnvironmentLock>;
  forceReleaseLock(name: string): Promise<SharedEnvironmentLock>;
  joinLockQueue(
    name: string,
    request: LockRequest,
  ): Promise<SharedEnvironmentLock>;
  leaveLockQueue(name: string): Promise<SharedEnvironmentLock>;
  lockHistory(name: string): Promise<LockHistoryEntry[]>;
}

export const reviewEnvsApiRef = createApiRef<ReviewEnvsApi>().with({
  id: 'plugin.review-envs.service',
  pluginId: 'review-envs',
});
