import { Knex } from 'knex';

/**
 * SQL for "now" in epoch milliseconds on the database's own clock, so that
 * every replica agrees on times (expiries, history) whatever its local clock
 * says.
 */
export function databaseNowSql(knex: Knex): string {
  const client = String(knex.client.config.client);
  if (client === 'pg') {
    return '(extract(epoch from clock_timestamp()) * 1000)::bigint';
  }
  if (client === 'better-sqlite3' || client === 'sqlite3') {
    return "cast((julianday('now') - 2440587.5) * 86400000 as integer)";
  }
  throw new Error(
    `The portal's plugins support PostgreSQL and SQLite databases, not '${client}'`,
  );
}
