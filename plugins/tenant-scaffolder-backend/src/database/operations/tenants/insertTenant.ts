import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { tenantColumns, TENANTS } from '../../tenantRows';
import { NewStoredTenant } from '../../TenantStore';

/** Inserts a new tenant at revision 1, status `provisioning`; false when its slug is taken. */
export async function insertTenant(
  db: Knex,
  tenant: NewStoredTenant,
): Promise<boolean> {
  const { plan, version, settings } = tenant;
  const inserted = await db(TENANTS)
    .insert({
      slug: tenant.slug,
      name: tenant.name,
      region: tenant.region,
      owner: tenant.owner,
      provisioning_task: tenant.provisioningTask ?? null,
      ...tenantColumns({ plan, status: 'provisioning', version, settings }),
      created_at_ms: db.raw(databaseNowSql(db)),
      updated_at_ms: db.raw(databaseNowSql(db)),
      revision: 1,
    })
    .onConflict('slug')
    .ignore()
    .returning('slug');
  return inserted.length > 0;
}
