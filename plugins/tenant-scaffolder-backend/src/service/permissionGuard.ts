import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { Caller } from '@internal/backend-plugin-utils';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/** Asks the permission policy about one permission for a caller. */
export type PermissionCheck = (caller: Caller) => Promise<void>;

/** Throws NotAllowedError (403) with `refusal` unless the policy allows the caller `permission`. */
export function permissionGuard(
  permissions: PermissionsService,
  permission: BasicPermission,
  refusal: string,
): PermissionCheck {
  return async ({ credentials }) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(refusal);
    }
  };
}
