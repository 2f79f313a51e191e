import { NotFoundError } from '@backstage/errors';
import { TenantLedgerEntry } from '@internal/plugin-tenant-scaffolder-common';
import { StoredTenant, TenantStore } from '../database/TenantStore';

/** The tenant; 404 when there is none with the slug. */
export async function requireTenant(
  tenants: TenantStore,
  slug: string,
): Promise<StoredTenant> {
  const tenant = await tenants.get(slug);
  if (!tenant) throw new NotFoundError(`No tenant '${slug}'`);
  return tenant;
}

/** The ledger entry a store found; 404 when the tenant has no such entry. */
export function requireLedgerEntry(
  entry: TenantLedgerEntry | undefined,
  slug: string,
  id: number,
): TenantLedgerEntry {
  if (!entry) {
    throw new NotFoundError(`No ledger entry ${id} for tenant '${slug}'`);
  }
  return entry;
}
