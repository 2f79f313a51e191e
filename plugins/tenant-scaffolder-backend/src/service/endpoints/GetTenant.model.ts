import { TenantDetails } from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { requireTenant } from '../notFound';
import { toRegistered } from '../registeredTenant';

export class GetTenantModel {
  constructor(private readonly tenants: TenantStore) {}

  /** The tenant, with how many of its ledger's entries are live and removed. */
  async getTenant(slug: string): Promise<TenantDetails> {
    const tenant = await requireTenant(this.tenants, slug);
    return {
      ...toRegistered(tenant),
      ledger: await this.tenants.ledgerSummary(slug),
    };
  }
}
