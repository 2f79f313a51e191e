import { Knex } from 'knex';

// Rows per statement. Each chunk travels as one JSON parameter, so the
// bound-variable limits of SQLite and PostgreSQL never apply.
const CHUNK = 2000;

function isSqlite(knex: Knex) {
  const client = String(knex.client.config.client);
  return client === 'better-sqlite3' || client === 'sqlite3';
}

/**
 * Inserts rows, skipping those whose `key` exists (`ignore`) or overwriting
 * them (`merge`), and returns the keys it inserted (for `ignore`). The rows
 * travel as one JSON parameter per 2,000, which the database unpacks itself:
 * SQLite with `json_each`, PostgreSQL with `json_populate_recordset` against
 * the table's own row type. One short statement per chunk instead of one with
 * thousands of placeholders, which is most of an ingest's time on either.
 */
export async function bulkInsert<T extends Record<string, unknown>>(
  trx: Knex.Transaction,
  table: string,
  rows: T[],
  options: { key: keyof T & string; onConflict: 'ignore' | 'merge' },
): Promise<Set<string>> {
  const inserted = new Set<string>();
  if (rows.length === 0) {
    return inserted;
  }
  const columns = Object.keys(rows[0]);
  const sqlite = isSqlite(trx);
  const sql = insertStatement(table, columns, options, sqlite);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows
      .slice(i, i + CHUNK)
      .map(row => rowValues(row, columns, sqlite));
    const result = await trx.raw(sql, [JSON.stringify(chunk)]);
    if (options.onConflict === 'ignore') {
      const keys: Array<Record<string, string>> = sqlite ? result : result.rows;
      keys.forEach(row => inserted.add(row[options.key]));
    }
  }
  return inserted;
}

function insertStatement(
  table: string,
  columns: string[],
  options: { key: string; onConflict: 'ignore' | 'merge' },
  sqlite: boolean,
) {
  const quoted = columns.map(column => `"${column}"`).join(', ');
  const source = sqlite
    ? `select ${columns
        .map(column => `json_extract(value, '$.${column}')`)
        .join(', ')} from json_each(?) where true`
    : `select ${quoted} from json_populate_recordset(null::"${table}", ?::json)`;
  const conflict =
    options.onConflict === 'merge'
      ? `do update set ${columns
          .filter(column => column !== options.key)
          .map(column => `"${column}" = excluded."${column}"`)
          .join(', ')}`
      : `do nothing returning "${options.key}"`;
  return `insert into "${table}" (${quoted}) ${source} on conflict ("${options.key}") ${conflict}`;
}

function rowValues(
  row: Record<string, unknown>,
  columns: string[],
  sqlite: boolean,
) {
  return Object.fromEntries(
    columns.map(column => {
      const value = row[column] ?? null;
      // SQLite stores booleans as 0 and 1.
      return [column, sqlite && typeof value === 'boolean' ? +value : value];
    }),
  );
}
