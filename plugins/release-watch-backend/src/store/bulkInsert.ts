import { Knex } from 'knex';

const KNEX_CHUNK = 400;
const SQLITE_CHUNK = 2000;

function isSqlite(knex: Knex) {
  const client = String(knex.client.config.client);
  return client === 'better-sqlite3' || client === 'sqlite3';
}

/**
 * Inserts rows, skipping those whose `key` exists (`ignore`) or overwriting
 * them (`merge`), and returns the keys it inserted (for `ignore`). On SQLite
 * the rows travel as one JSON parameter per 2,000 and SQLite unpacks them
 * with `json_each`: a short statement prepared once per chunk instead of one
 * with thousands of placeholders, which is most of an ingest's time there.
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
  if (!isSqlite(trx)) {
    for (let i = 0; i < rows.length; i += KNEX_CHUNK) {
      const query = trx(table)
        .insert(rows.slice(i, i + KNEX_CHUNK))
        .onConflict(options.key);
      if (options.onConflict === 'merge') {
        await query.merge();
      } else {
        const ids: Array<Record<string, string>> = await query
          .ignore()
          .returning(options.key);
        ids.forEach(row => inserted.add(row[options.key]));
      }
    }
    return inserted;
  }
  const quoted = columns.map(column => `"${column}"`);
  const extract = columns.map(column => `json_extract(value, '$.${column}')`);
  const conflict =
    options.onConflict === 'merge'
      ? `do update set ${columns
          .filter(column => column !== options.key)
          .map(column => `"${column}" = excluded."${column}"`)
          .join(', ')}`
      : `do nothing returning "${options.key}"`;
  const sql = `insert into "${table}" (${quoted.join(
    ', ',
  )}) select ${extract.join(', ')} from json_each(?) where true on conflict ("${
    options.key
  }") ${conflict}`;
  for (let i = 0; i < rows.length; i += SQLITE_CHUNK) {
    const chunk = rows.slice(i, i + SQLITE_CHUNK).map(row =>
      // SQLite stores booleans as 0 and 1.
      Object.fromEntries(
        columns.map(column => {
          const value = row[column];
          return [
            column,
            typeof value === 'boolean' ? Number(value) : value ?? null,
          ];
        }),
      ),
    );
    const result = await trx.raw(sql, [JSON.stringify(chunk)]);
    if (options.onConflict === 'ignore') {
      (result as Array<Record<string, string>>).forEach(row =>
        inserted.add(row[options.key]),
      );
    }
  }
  return inserted;
}
