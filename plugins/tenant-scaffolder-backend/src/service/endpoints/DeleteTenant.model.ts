import { ConflictError } from '@backstage/errors';
import { Caller } from '@internal/backend-plugin-utils';
import { RegisteredTenant } from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { requireTenant } from '../notFound';
import { PermissionCheck } from '../permissionGuard';
import { toRegistered } from '../registeredTenant';

export class DeleteTenantModel {
  constructor(
    private readonly tenants: TenantStore,
    private readonly mayDelete: PermissionCheck,
  ) {}

  /** Marks the tenant `deleting`; deprovisioning picks it up from there. */
  async deleteTenant(slug: string, caller: Caller): Promise<RegisteredTenant> {
    await this.mayDelete(caller);
    const tenant = await requireTenant(this.tenants, slug);
    if (tenant.status === 'deleting' || tenant.status === 'deleted') {
      throw new ConflictError(`'${slug}' is ${tenant.status} already`);
    }
    const deleting = await this.tenants.setStatus(slug, 'deleting', {
      actor: caller.id,
      detail: 'deletion requested',
    });
    return toRegistered(deleting);
  }
}
