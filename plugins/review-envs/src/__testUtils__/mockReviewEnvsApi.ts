import { ReviewEnvsApi } from '../api/ReviewEnvsApi';

/** Every method a jest mock resolving to an empty answer; override what a test needs. */
export function mockReviewEnvsApi(): jest.Mocked<ReviewEnvsApi> {
  return {
    listEnvironments: jest.fn().mockResolvedValue([]),
    environmentHistory: jest.fn().mockResolvedValue([]),
    environmentLogs: jest.fn().mockResolvedValue({ deploy: [], output: [] }),
    redeployEnvironment: jest.fn().mockResolvedValue({}),
    extendEnvironment: jest.fn().mockResolvedValue({}),
    teardownEnvironment: jest.fn().mockResolvedValue({}),
    seedEnvironment: jest.fn().mockResolvedValue({}),
    environmentSeeds: jest.fn().mockResolvedValue([]),
    listLocks: jest.fn().mockResolvedValue([]),
    claimLock: jest.fn().mockResolvedValue({}),
    extendLock: jest.fn().mockResolvedValue({}),
    releaseLock: jest.fn().mockResolvedValue({}),
    forceReleaseLock: jest.fn().mockResolvedValue({}),
    joinLockQueue: jest.fn().mockResolvedValue({}),
    leaveLockQueue: jest.fn().mockResolvedValue({}),
    lockHistory: jest.fn().mockResolvedValue([]),
  };
}
