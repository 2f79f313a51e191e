import { LedgerSummary } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { LEDGER } from '../../tenantRows';

export async function summarizeLedger(
  db: Knex,
  slug: string,
): Promise<LedgerSummary> {
  const row = await db(LEDGER)
    .where({ slug })
    .first(
      db.raw('count(*) as total'),
      db.raw('count(removed_at_ms) as removed'),
    );
  const total = Number(row?.total ?? 0);
  const removed = Number(row?.removed ?? 0);
  return { live: total - removed, removed };
}
