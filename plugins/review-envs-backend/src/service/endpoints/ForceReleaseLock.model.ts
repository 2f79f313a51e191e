import { PermissionsService } from '@backstage/backend-plugin-api';
import { Caller } from '@internal/backend-plugin-utils';
import {
  reviewEnvsLockForceReleasePermission,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { authorizeOrThrow } from '../authorizeOrThrow';

/** Ends whoever's hold, for those the permission policy allows. */
export class ForceReleaseLockModel {
  constructor(
    private readonly options: {
      permissions: PermissionsService;
      locks: Pick<SharedEnvironmentLocks, 'forceRelease'>;
    },
  ) {}

  async forceRelease(
    name: string,
    caller: Caller,
  ): Promise<SharedEnvironmentLock> {
    await authorizeOrThrow(
      this.options.permissions,
      reviewEnvsLockForceReleasePermission,
      caller.credentials,
      'Only portal admins may force-release a lock',
    );
    return this.options.locks.forceRelease(name, caller.id);
  }
}
