import { Knex } from 'knex';
import { SourceTable } from './coverage';

/** A table of a tenant's or an environment's database, as a copy needs it. */
export type SchemaTable = SourceTable & { primaryKey: string[] };

/** The tables of a SQLite or PostgreSQL database (its current schema), with their columns, keys and references. */
export async function readSourceSchema(
  db: Knex,
): Promise<Map<string, SchemaTable>> {
  return isSqlite(db) ? readSqlite(db) : readPostgres(db);
}

export function isSqlite(db: Knex): boolean {
  return String(db.client.config.client).includes('sqlite');
}

async function readSqlite(db: Knex): Promise<Map<string, SchemaTable>> {
  const tables: Array<{ name: string }> = await db.raw(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const schema = new Map<string, SchemaTable>();
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const columns: Array<{ name: string; pk: number }> = await db.raw(
      `PRAGMA table_info(${quoted})`,
    );
    const keys: Array<{ id: number; table: string; from: string; to: string }> =
      await db.raw(`PRAGMA foreign_key_list(${quoted})`);
    const byId = new Map<number, SchemaTable['foreignKeys'][number]>();
    for (const key of keys) {
      const foreignKey = byId.get(key.id) ?? {
        columns: [],
        table: key.table,
        references: [],
      };
      foreignKey.columns.push(key.from);
      foreignKey.references.push(key.to);
      byId.set(key.id, foreignKey);
    }
    schema.set(name, {
      columns: columns.map(column => column.name),
      primaryKey: columns
        .filter(column => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map(column => column.name),
      foreignKeys: [...byId.values()],
    });
  }
  return schema;
}

async function readPostgres(db: Knex): Promise<Map<string, SchemaTable>> {
  const { rows: columns } = await db.raw(
    `SELECT table_name AS table, column_name AS column
       FROM information_schema.columns
      WHERE table_schema = current_schema()
      ORDER BY table_name, ordinal_position`,
  );
  const { rows: primaryKeys } = await db.raw(
    `SELECT cl.relname AS table,
            array(SELECT a.attname::text
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
                   ORDER BY k.o) AS columns
       FROM pg_index i
       JOIN pg_class cl ON cl.oid = i.indrelid
       JOIN pg_namespace ns ON ns.oid = cl.relnamespace
      WHERE i.indisprimary AND ns.nspname = current_schema()`,
  );
  const { rows: foreignKeys } = await db.raw(
    `SELECT cl.relname AS table, rf.relname AS referenced,
            array(SELECT a.attname::text
                    FROM unnest(c.conkey) WITH ORDINALITY AS k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
                   ORDER BY k.o) AS columns,
            array(SELECT a.attname::text
                    FROM unnest(c.confkey) WITH ORDINALITY AS k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n
                   ORDER BY k.o) AS "references"
       FROM pg_constraint c
       JOIN pg_class cl ON cl.oid = c.conrelid
       JOIN pg_namespace ns ON ns.oid = cl.relnamespace
       JOIN pg_class rf ON rf.oid = c.confrelid
      WHERE c.contype = 'f' AND ns.nspname = current_schema()
      ORDER BY c.conname`,
  );
  const schema = new Map<string, SchemaTable>();
  const table = (name: string) => {
    let found = schema.get(name);
    if (!found) {
      found = { columns: [], primaryKey: [], foreignKeys: [] };
      schema.set(name, found);
    }
    return found;
  };
  for (const row of columns) table(row.table).columns.push(row.column);
  for (const row of primaryKeys) table(row.table).primaryKey = row.columns;
  for (const row of foreignKeys) {
    table(row.table).foreignKeys.push({
      columns: row.columns,
      table: row.referenced,
      references: row.references,
    });
  }
  return schema;
}
