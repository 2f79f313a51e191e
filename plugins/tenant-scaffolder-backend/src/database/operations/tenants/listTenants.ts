import { TenantListQuery } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { SECRETS, TenantRow, TENANTS, toStoredTenant } from '../../tenantRows';
import { StoredTenant } from '../../TenantStore';

/** The tenants that match the filter, by slug, with their secrets' names. */
export async function listTenants(
  db: Knex,
  filter: TenantListQuery,
): Promise<StoredTenant[]> {
  const matching = () => {
    const query = db(TENANTS);
    if (filter.status) query.where('status', filter.status);
    if (filter.plan) query.where('plan_kind', filter.plan);
    return query;
  };
  const rows: TenantRow[] = await matching().orderBy('slug');
  const secrets: Array<{ slug: string; name: string }> = await db(SECRETS)
    .whereIn('slug', matching().select('slug'))
    .orderBy('name')
    .select('slug', 'name');
  return rows.map(row =>
    toStoredTenant(
      row,
      secrets.filter(secret => secret.slug === row.slug).map(s => s.name),
    ),
  );
}
