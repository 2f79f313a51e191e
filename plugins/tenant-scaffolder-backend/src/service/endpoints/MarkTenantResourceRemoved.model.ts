import { TenantLedgerEntry } from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { requireLedgerEntry } from '../notFound';

export class MarkTenantResourceRemovedModel {
  constructor(private readonly tenants: TenantStore) {}

  /** Marking an entry removed twice changes nothing. */
  async markTenantResourceRemoved(
    slug: string,
    id: number,
    actor: string,
  ): Promise<TenantLedgerEntry> {
    const entry = await this.tenants.markResourceRemoved(slug, id, { actor });
    return requireLedgerEntry(entry, slug, id);
  }
}
