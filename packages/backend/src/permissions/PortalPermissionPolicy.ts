import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  createReviewEnvsConditionalDecision,
  reviewEnvsConditions,
} from '@internal/plugin-review-envs-backend';

/**
 * Permissions that only members of an admin group are granted.
 *
 * Plugins mark their own destructive permissions admin-only with the
 * `adminOnly` attribute convention below instead of being listed here.
 */
const ADMIN_ONLY_PERMISSIONS = new Set<string>([
  'catalog.location.create',
  'catalog.location.delete',
  'scaffolder.template.management',
]);

export type PortalPermissionPolicyOptions = {
  /** Entity refs of groups whose members may do everything, e.g. `group:default/portal-admins`. */
  adminGroupRefs: string[];
  userInfo: UserInfoService;
};

/**
 * The portal's policy: admins may do everything; everyone else may read and
 * use the portal, may delete or refresh only the catalog entities they own,
 * may load tenants' data only into the review environments of their own
 * pull requests, and is refused the admin-only permissions.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  private readonly adminGroupRefs: Set<string>;
  private readonly userInfo: UserInfoService;

  constructor(options: PortalPermissionPolicyOptions) {
    this.userInfo = options.userInfo;
    this.adminGroupRefs = new Set(
      options.adminGroupRefs.map(ref => ref.toLocaleLowerCase('en-US')),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownershipEntityRefs = user
      ? (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs
      : [];
    if (this.isAdmin(ownershipEntityRefs)) {
      return { result: AuthorizeResult.ALLOW };
    }

    const { permission } = request;
    // A request without a user comes from a service: a plugin acting within
    // its own rules (the scaffolder registering the repository a template
    // just made) or a pipeline with a configured token. Registering
    // locations is theirs; deleting stays with admins.
    if (!user && permission.name === 'catalog.location.create') {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      ADMIN_ONLY_PERMISSIONS.has(permission.name) ||
      isAdminOnlyByConvention(permission.name)
    ) {
      return { result: AuthorizeResult.DENY };
    }

    if (
      isResourcePermission(permission, 'catalog-entity') &&
      (isPermission(permission, catalogEntityDeletePermission) ||
        isPermission(permission, catalogEntityRefreshPermission))
    ) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: ownershipEntityRefs,
        }),
      );
    }

    // Loading a tenant's data into a review environment: its pull
    // request's author (CI pipelines, without a user, too).
    if (
      isResourcePermission(permission, 'review-environment') &&
      permission.name === 'review-envs.environment.seed' &&
      user
    ) {
      return createReviewEnvsConditionalDecision(
        permission,
        reviewEnvsConditions.isPullRequestAuthor({
          userEntityRef: user.info.userEntityRef,
        }),
      );
    }

    return { result: AuthorizeResult.ALLOW };
  }

  private isAdmin(ownershipEntityRefs: string[]): boolean {
    return ownershipEntityRefs.some(ref =>
      this.adminGroupRefs.has(ref.toLocaleLowerCase('en-US')),
    );
  }
}

/**
 * Product plugins name their administrative permissions `<plugin>.admin.<action>`
 * (e.g. `review-envs.admin.lock.force-release`), so the policy needs no change
 * when a plugin adds one.
 */
function isAdminOnlyByConvention(permissionName: string): boolean {
  return permissionName.split('.').includes('admin');
}
