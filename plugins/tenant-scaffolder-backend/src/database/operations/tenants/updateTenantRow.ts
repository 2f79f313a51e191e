import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { tenantColumns, TENANTS } from '../../tenantRows';
import { TenantFields } from '../../TenantStore';

/**
 * Writes the fields as a compare-and-set on the revision that was read, and
 * moves the revision on: false when another write changed the tenant first.
 */
export async function updateTenantRow(
  db: Knex,
  slug: string,
  revision: number,
  fields: TenantFields,
): Promise<boolean> {
  const updated = await db(TENANTS)
    .where({ slug, revision })
    .update({
      ...tenantColumns(fields),
      updated_at_ms: db.raw(databaseNowSql(db)),
      revision: db.raw('revision + 1'),
    });
  return updated > 0;
}
