import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';

const ADMINS = 'group:default/portal-admins';

function policyFor(ownershipEntityRefs: string[]) {
  const userInfo = mockServices.userInfo({
    userEntityRef: 'user:default/someone',
    ownershipEntityRefs,
  });
  return new PortalPermissionPolicy({ adminGroupRefs: [ADMINS], userInfo });
}

const user: PolicyQueryUser = {
  credentials: mockCredentials.user('user:default/someone'),
  info: { userEntityRef: 'user:default/someone', ownershipEntityRefs: [] },
};

const forceRelease = createPermission({
  name: 'review-envs.admin.lock.force-release',
  attributes: { action: 'update' },
});

describe('PortalPermissionPolicy', () => {
  it('allows admins everything, whatever the letter case of the group ref', async () => {
    const policy = policyFor([
      'user:default/someone',
      'group:default/Portal-Admins',
    ]);

    for (const permission of [
      catalogLocationCreatePermission,
      catalogEntityDeletePermission,
      forceRelease,
    ]) {
      await expect(policy.handle({ permission }, user)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('refuses everyone else the admin-only permissions', async () => {
    const policy = policyFor([
      'user:default/someone',
      'group:default/frontend',
    ]);

    await expect(
      policy.handle({ permission: catalogLocationCreatePermission }, user),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: forceRelease }, user),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets everyone delete only the entities they own', async () => {
    const policy = policyFor([
      'user:default/someone',
      'group:default/frontend',
    ]);

    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      user,
    );

    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/someone', 'group:default/frontend'],
        },
      },
    });
  });

  it("lets only a review environment's pull request author, and admins, load a tenant's data into it", async () => {
    const seed = createPermission({
      name: 'review-envs.environment.seed',
      attributes: { action: 'update' },
      resourceType: 'review-environment',
    });

    await expect(
      policyFor(['user:default/someone']).handle({ permission: seed }, user),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'review-envs',
      resourceType: 'review-environment',
      conditions: {
        rule: 'IS_PULL_REQUEST_AUTHOR',
        resourceType: 'review-environment',
        params: { userEntityRef: 'user:default/someone' },
      },
    });
    await expect(
      policyFor([ADMINS]).handle({ permission: seed }, user),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('allows everyone to read and use the portal', async () => {
    const policy = policyFor(['user:default/someone']);

    await expect(
      policy.handle({ permission: catalogEntityReadPermission }, user),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('treats a request without a user as not an admin, but lets services register locations', async () => {
    const policy = policyFor([ADMINS]);

    await expect(
      policy.handle({ permission: catalogLocationDeletePermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: catalogLocationCreatePermission }),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
