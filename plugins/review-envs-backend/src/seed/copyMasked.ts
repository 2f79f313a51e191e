import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { coverageProblems, foreignKeyOrder } from './coverage';
import { CellValue, Maskers } from './maskers';
import { MaskingPolicy } from './maskingPolicy';
import { isSqlite, readSourceSchema, SchemaTable } from './readSourceSchema';

/** Names a referenced key: `table(columns)`. */
const keyName = (table: string, columns: string[]) =>
  `${table}(${columns.join(',')})`;

/** A key's values, compared as text (drivers give numbers or strings). */
const keyOf = (values: unknown[]) =>
  JSON.stringify(values.map(v => (v === null ? null : String(v))));

export type CopyProgress = { table: string; rows: number; totalRows: number };

export type CopyResult = {
  rows: number;
  tables: Array<{ name: string; rows: number }>;
};

/**
 * Copies the policy's tables from `source` into `target` (whose schema is
 * already there), each value masked by its column's rule, tables after
 * those they reference. A row whose reference points at a row that was
 * not copied (past a limit, or filtered out) is left out, so the copy's
 * foreign keys hold. Refuses, before a row is read, a source the policy
 * does not cover.
 */
export async function copyMasked(options: {
  source: Knex;
  target: Knex;
  policy: MaskingPolicy & { secret: string };
  onProgress?: (progress: CopyProgress) => void | Promise<void>;
}): Promise<CopyResult> {
  const { source, target, policy, onProgress } = options;
  const schema = await readSourceSchema(source);
  const problems = coverageProblems(policy, schema);
  if (problems.length > 0) {
    throw new InputError(
      `The masking policy (revision ${
        policy.revision
      }) does not cover the source database, so nothing was copied: ${problems.join(
        '; ',
      )}`,
    );
  }
  const order = foreignKeyOrder(
    policy.tables.map(table => table.name),
    schema,
  );
  const targetSchema = await readSourceSchema(target);
  for (const name of order) {
    const missing = schema
      .get(name)!
      .columns.filter(c => !targetSchema.get(name)?.columns.includes(c));
    if (missing.length > 0) {
      throw new InputError(
        `The environment's database has no ${
          targetSchema.has(name) ? `column ${missing.join(', ')} in` : 'table'
        } ${name}; its seed SQL makes the schema the copy fills`,
      );
    }
  }

  const maskers = new Maskers(policy.secret);
  const sqliteTarget = isSqlite(target);
  /** Source key values copied, per `table(columns)` some copied table references. */
  const copiedKeys = new Map<string, Set<string>>();
  const referenced = referencedKeys(order, schema);
  const result: CopyResult = { rows: 0, tables: [] };

  await target.transaction(async trx => {
    for (const name of [...order].reverse()) await trx(name).delete();
    for (const name of order) {
      const table = policy.tables.find(t => t.name === name)!;
      const found = schema.get(name)!;
      const filters = found.foreignKeys.filter(
        key => key.table !== name && order.includes(key.table),
      );
      let query = source(name).select(found.columns);
      if (table.where) query = query.whereRaw(table.where);
      if (found.primaryKey.length) query = query.orderBy(found.primaryKey);
      if (table.limit !== undefined && filters.length === 0) {
        query = query.limit(table.limit);
      }
      let rows: Record<string, CellValue>[] = await query;
      rows = rows.filter(row =>
        filters.every(key => {
          const values = key.columns.map(c => row[c]);
          return (
            values.some(v => v === null) ||
            copiedKeys
              .get(keyName(key.table, key.references))!
              .has(keyOf(values))
          );
        }),
      );
      if (table.limit !== undefined) rows = rows.slice(0, table.limit);

      for (const columns of referenced.get(name) ?? []) {
        copiedKeys.set(
          keyName(name, columns),
          new Set(rows.map(row => keyOf(columns.map(c => row[c])))),
        );
      }
      // SQLite takes at most 500 rows a statement (knex inserts them as a
      // compound SELECT), and both take a few thousand parameters.
      const chunk = Math.max(
        1,
        Math.min(
          sqliteTarget ? 500 : 1000,
          Math.floor(10_000 / found.columns.length),
        ),
      );
      for (let start = 0; start < rows.length; start += chunk) {
        const masked = rows.slice(start, start + chunk).map(row => {
          const out: Record<string, unknown> = {};
          for (const column of found.columns) {
            const value = maskers.mask(table.columns.get(column)!, row[column]);
            out[column] = sqliteTarget ? forSqlite(value) : value;
          }
          return out;
        });
        await trx(name).insert(masked);
        await onProgress?.({
          table: name,
          rows: Math.min(start + chunk, rows.length),
          totalRows: result.rows + Math.min(start + chunk, rows.length),
        });
      }
      result.rows += rows.length;
      result.tables.push({ name, rows: rows.length });
    }
  });
  return result;
}

/** For each copied table, the column lists other copied tables reference. */
function referencedKeys(
  order: string[],
  schema: Map<string, SchemaTable>,
): Map<string, string[][]> {
  const referenced = new Map<string, string[][]>();
  for (const name of order) {
    for (const key of schema.get(name)!.foreignKeys) {
      if (key.table === name || !order.includes(key.table)) continue;
      const lists = referenced.get(key.table) ?? [];
      if (!lists.some(l => l.join() === key.references.join())) {
        lists.push(key.references);
      }
      referenced.set(key.table, lists);
    }
  }
  return referenced;
}

/** SQLite binds numbers, text, blobs and nulls only. */
function forSqlite(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}
