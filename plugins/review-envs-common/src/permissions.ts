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

export const reviewEnvsPermissions = [
  reviewEnvsLockForceReleasePermission,
  reviewEnvsTeardownAnyPermission,
];
