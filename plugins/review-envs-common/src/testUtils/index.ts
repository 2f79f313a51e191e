/**
 * Fixtures for the tests of the review-envs packages: the frontend, the
 * backend and the catalog module. Tests only.
 */
export {
  pullRequestSnapshot,
  reviewEnvironment,
  sharedEnvironmentLock,
} from './fixtures';
