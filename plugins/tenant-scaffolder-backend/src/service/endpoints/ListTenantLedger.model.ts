import { TenantLedgerEntry } from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { requireTenant } from '../notFound';

export class ListTenantLedgerModel {
  constructor(private readonly tenants: TenantStore) {}

  /** Oldest first: the live entries, and with `includeRemoved` the removed ones too. */
  async listTenantLedger(
    slug: string,
    includeRemoved: boolean,
  ): Promise<TenantLedgerEntry[]> {
    await requireTenant(this.tenants, slug);
    return this.tenants.listLedger(slug, { includeRemoved });
  }
}
