import { TenantHistoryEntry } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { HISTORY, HistoryRow, toHistoryEntry } from '../../tenantRows';

/** Newest first. */
export async function readTenantHistory(
  db: Knex,
  slug: string,
  limit: number,
): Promise<TenantHistoryEntry[]> {
  const rows: HistoryRow[] = await db(HISTORY)
    .where({ slug })
    .orderBy('id', 'desc')
    .limit(limit);
  return rows.map(toHistoryEntry);
}
