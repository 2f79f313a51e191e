import { TenantLedgerEntry } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { LEDGER, LedgerRow, toLedgerEntry } from '../../tenantRows';

/** Oldest first; the live entries alone unless told otherwise. */
export async function listLedgerEntries(
  db: Knex,
  slug: string,
  options: { includeRemoved?: boolean } = {},
): Promise<TenantLedgerEntry[]> {
  const query = db(LEDGER).where({ slug }).orderBy('id');
  if (!options.includeRemoved) query.whereNull('removed_at_ms');
  const rows: LedgerRow[] = await query;
  return rows.map(toLedgerEntry);
}
