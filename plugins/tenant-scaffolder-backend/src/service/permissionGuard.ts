import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/** Throws NotAllowedError (403) with `refusal` unless the policy allows the permission. */
export function permissionGuard(permissions: PermissionsService) {
  return async (
    credentials: BackstageCredentials,
    permission: BasicPermission,
    refusal: string,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(refusal);
    }
  };
}
