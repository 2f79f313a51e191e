import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';

/** A new grant to `holder`: the next fencing token, expiring `durationMs` from now. */
export function grantColumns(
  tx: Knex.Transaction,
  holder: string,
  reason: string,
  durationMs: number,
) {
  const now = databaseNowSql(tx);
  return {
    holder,
    reason,
    fencing_token: tx.raw('fencing_token + 1'),
    acquired_at_ms: tx.raw(now),
    expires_at_ms: tx.raw(`${now} + ?`, [durationMs]),
  };
}

/** A free lock; its fencing token stays, so that it is never reused. */
export const FREE_COLUMNS = {
  holder: null,
  reason: null,
  acquired_at_ms: null,
  expires_at_ms: null,
};
