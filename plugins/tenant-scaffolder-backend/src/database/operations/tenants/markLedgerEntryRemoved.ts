import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { LEDGER } from '../../tenantRows';

export async function markLedgerEntryRemoved(
  db: Knex,
  id: number,
): Promise<void> {
  await db(LEDGER)
    .where({ id })
    .update({ removed_at_ms: db.raw(databaseNowSql(db)) });
}
