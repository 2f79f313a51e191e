import { Caller } from '@internal/backend-plugin-utils';
import { RegisteredTenant } from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { PermissionCheck } from '../permissionGuard';
import { toRegistered } from '../registeredTenant';

export class UpgradeTenantPlanModel {
  constructor(
    private readonly tenants: TenantStore,
    private readonly mayUpdate: PermissionCheck,
  ) {}

  /** Trial to paid; a paid tenant, or one being deleted, answers 409. */
  async upgradeTenantPlan(
    slug: string,
    caller: Caller,
  ): Promise<RegisteredTenant> {
    await this.mayUpdate(caller);
    const actor = caller.id;
    return toRegistered(await this.tenants.upgradePlan(slug, { actor }));
  }
}
