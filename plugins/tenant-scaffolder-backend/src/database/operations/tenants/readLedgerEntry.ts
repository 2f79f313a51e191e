import { TenantLedgerEntry } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { LEDGER, LedgerRow, toLedgerEntry } from '../../tenantRows';

/** Undefined when the tenant has no such entry. */
export async function readLedgerEntry(
  db: Knex,
  slug: string,
  id: number,
): Promise<TenantLedgerEntry | undefined> {
  const row: LedgerRow | undefined = await db(LEDGER)
    .where({ slug, id })
    .first();
  return row && toLedgerEntry(row);
}
