import { databaseNowSql } from '@internal/backend-plugin-utils';
import { TenantLedgerEntry } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { LEDGER, LedgerRow, toLedgerEntry } from '../../tenantRows';
import { NewLedgerEntry } from '../../TenantStore';

/**
 * Records a resource in its tenant's ledger, within the caller's
 * transaction: one live already is answered as it is (`recorded: false`),
 * one removed is live again.
 */
export async function upsertLedgerEntry(
  tx: Knex.Transaction,
  entry: NewLedgerEntry,
): Promise<{ entry: TenantLedgerEntry; recorded: boolean }> {
  const key = {
    slug: entry.slug,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId,
  };
  const current = async () =>
    toLedgerEntry((await tx(LEDGER).where(key).first()) as LedgerRow);
  const existing: LedgerRow | undefined = await tx(LEDGER).where(key).first();
  if (existing && existing.removed_at_ms === null) {
    return { entry: toLedgerEntry(existing), recorded: false };
  }
  const columns = {
    step: entry.step,
    details: JSON.stringify(entry.details),
    created_at_ms: tx.raw(databaseNowSql(tx)),
    removed_at_ms: null,
  };
  if (existing) {
    await tx(LEDGER).where({ id: existing.id }).update(columns);
  } else {
    const inserted = await tx(LEDGER)
      .insert({ ...key, ...columns })
      .onConflict(['slug', 'resource_type', 'resource_id'])
      .ignore()
      .returning('id');
    if (inserted.length === 0) {
      // Recorded by a concurrent call.
      return { entry: await current(), recorded: false };
    }
  }
  return { entry: await current(), recorded: true };
}
