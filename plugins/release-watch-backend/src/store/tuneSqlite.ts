import { Knex } from 'knex';

/**
 * On SQLite, write-ahead logging with `synchronous = NORMAL`: commits stop
 * waiting for a second fsync, which is most of an ingest batch's time; a
 * crashed process still loses nothing committed (only a power loss can undo
 * the last transactions). PostgreSQL is left as configured.
 */
export async function tuneSqlite(knex: Knex): Promise<void> {
  const client = String(knex.client.config.client);
  if (client !== 'better-sqlite3' && client !== 'sqlite3') {
    return;
  }
  await knex.raw('PRAGMA journal_mode = WAL');
  await knex.raw('PRAGMA synchronous = NORMAL');
}
