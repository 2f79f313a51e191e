import { createPermission } from '@backstage/plugin-permission-common';

/** Release a shared-environment lock held by someone else. Admins only. */
export const reviewEnvsLockForceReleasePermission = createPermission({
  name: 'review-envs.admin.lock.force-release',
  attributes: { action: 'update' },
});

/**
 * Tear down any review environment. The PR's author may always tear down
 * their own; this permission (admins only) covers everyone else's.
 */
export const reviewEnvsTeardownAnyPermission = createPermission({
  name: 'review-envs.admin.environment.teardown',
  attributes: { action: 'delete' },
});

/** The resource type of review environments, for permissions on one of them. */
export const REVIEW_ENVIRONMENT_RESOURCE_TYPE = 'review-environment';

/**
 * Load a tenant's masked data into a review environment's database. The
 * portal's policy gives it to the pull request's author (a condition on the
 * environment, the rule `IS_PULL_REQUEST_AUTHOR`) and to admins.
 */
export const reviewEnvsSeedPermission = createPermission({
  name: 'review-envs.environment.seed',
  attributes: { action: 'update' },
  resourceType: REVIEW_ENVIRONMENT_RESOURCE_TYPE,
});

export const reviewEnvsPermissions = [
  reviewEnvsLockForceReleasePermission,
  reviewEnvsTeardownAnyPermission,
  reviewEnvsSeedPermission,
];
