import { Knex } from 'knex';
import { SECRETS, TenantRow, TENANTS, toStoredTenant } from '../../tenantRows';
import { StoredTenant } from '../../TenantStore';

export async function readTenant(
  db: Knex,
  slug: string,
): Promise<StoredTenant | undefined> {
  const row: TenantRow | undefined = await db(TENANTS).where({ slug }).first();
  if (!row) return undefined;
  const secretNames: string[] = await db(SECRETS)
    .where({ slug })
    .orderBy('name')
    .pluck('name');
  return toStoredTenant(row, secretNames);
}
