import { TenantLedgerEntry } from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { requireLedgerEntry } from '../notFound';

export class RecordTenantResourceRefusalModel {
  constructor(private readonly tenants: TenantStore) {}

  /** Notes in the tenant's history that a remover refused the entry, which stays live. */
  async recordTenantResourceRefusal(
    slug: string,
    id: number,
    refusal: { reason: string; actor: string },
  ): Promise<TenantLedgerEntry> {
    const entry = await this.tenants.recordRefusal(slug, id, refusal);
    return requireLedgerEntry(entry, slug, id);
  }
}
