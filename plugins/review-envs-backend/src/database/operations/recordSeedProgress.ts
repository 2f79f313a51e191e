import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { SEEDS_TABLE } from '../tables';

/** How far a running seed is; also its heartbeat. */
export async function recordSeedProgress(
  db: Knex,
  id: number,
  rowsCopied: number,
): Promise<void> {
  await db(SEEDS_TABLE)
    .where({ id, state: 'running' })
    .update({
      rows_copied: rowsCopied,
      heartbeat_at_ms: db.raw(databaseNowSql(db)),
    });
}
