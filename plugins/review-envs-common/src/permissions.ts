import { createPermission } from '@backstage/plugin-permission-common';

/** Release a shared-environment lock held by someone else. Admins only. */
export const reviewEnvsLockForceReleasePermission = createPermission({
  name: 'review-envs.admin.lock.force-release',
  attributes: { action: 'update' },
});

export const reviewEnvsPermissions = [reviewEnvsLockForceReleasePermission];
