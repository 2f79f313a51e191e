import { createPermission } from '@backstage/plugin-permission-common';

/** Create a tenant (the New tenant template and `POST /tenants`). */
export const tenantCreatePermission = createPermission({
  name: 'tenant-scaffolder.tenant.create',
  attributes: { action: 'create' },
});

/** Change a tenant's settings or upgrade its plan. */
export const tenantUpdatePermission = createPermission({
  name: 'tenant-scaffolder.tenant.update',
  attributes: { action: 'update' },
});

/** Delete a tenant: deprovision everything the portal made for it. */
export const tenantDeletePermission = createPermission({
  name: 'tenant-scaffolder.admin.tenant.delete',
  attributes: { action: 'delete' },
});

/** Roll a version to every tenant. */
export const tenantFleetUpgradePermission = createPermission({
  name: 'tenant-scaffolder.admin.fleet.upgrade',
  attributes: { action: 'update' },
});

export const tenantScaffolderPermissions = [
  tenantCreatePermission,
  tenantUpdatePermission,
  tenantDeletePermission,
  tenantFleetUpgradePermission,
];
