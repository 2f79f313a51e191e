import { TenantHistoryEntry } from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import { requireTenant } from '../notFound';

export class GetTenantHistoryModel {
  constructor(private readonly tenants: TenantStore) {}

  /** Newest first. */
  async getTenantHistory(
    slug: string,
    limit: number,
  ): Promise<TenantHistoryEntry[]> {
    await requireTenant(this.tenants, slug);
    return this.tenants.history(slug, limit);
  }
}
