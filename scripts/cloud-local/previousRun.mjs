// What the cloud-local profile's previous run left in the real PostgreSQL:
// its tenants' databases and roles, which outlive moto's in-memory state.
// Names come from the previous registry's ledger, and only those that are
// exactly the name the portal gives a tenant's database (tenant_<slug>) are
// dropped, so nothing else on the server is touched.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

export async function dropPreviousTenantDatabases(sqliteDir, postgresUrl) {
  const file = resolve(sqliteDir, 'tenant-scaffolder.sqlite');
  if (!existsSync(file)) return [];
  const registry = new Database(file, { readonly: true });
  let rows;
  try {
    rows = registry
      .prepare(
        `select slug, resource_type, resource_id from tenant_ledger
         where removed_at_ms is null
           and resource_type in ('postgres-database', 'postgres-role')`,
      )
      .all();
  } catch {
    return [];
  } finally {
    registry.close();
  }
  const owned = rows.filter(
    row =>
      /^[a-z][a-z0-9-]*$/.test(row.slug) &&
      row.resource_id === `tenant_${row.slug.replace(/-/g, '_')}`,
  );
  if (owned.length === 0) return [];
  const client = new pg.Client({
    host: postgresUrl.hostname,
    port: Number(postgresUrl.port || 5432),
    user: decodeURIComponent(postgresUrl.username || 'postgres'),
    password: decodeURIComponent(postgresUrl.password || ''),
    database: 'postgres',
  });
  await client.connect();
  try {
    // Databases before the roles that own them.
    const ordered = [
      ...owned.filter(row => row.resource_type === 'postgres-database'),
      ...owned.filter(row => row.resource_type === 'postgres-role'),
    ];
    for (const { resource_type: type, resource_id: name } of ordered) {
      await client.query(
        type === 'postgres-database'
          ? `drop database if exists "${name}" with (force)`
          : `drop role if exists "${name}"`,
      );
    }
  } finally {
    await client.end();
  }
  return [...new Set(owned.map(row => row.resource_id))];
}
