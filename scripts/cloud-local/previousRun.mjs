// What the cloud-local profile's previous run left in the real PostgreSQL:
// its tenants' databases and roles, which outlive moto's in-memory state.
// Names come from the previous registry's ledger, and only those that are
// exactly the name the portal gives a tenant's database (tenant_<slug>) are
// dropped, so nothing else on the server is touched.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
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

/**
 * The review environments' databases and roles the previous run recorded
 * (review-envs' registry), dropped when each is exactly a name the portal
 * derives from its environment's id (review_<id>, and review__<id> while a
 * seed filled it), as the review-envs plugin itself would.
 */
export async function dropPreviousReviewEnvironmentDatabases(
  sqliteDir,
  postgresUrl,
) {
  const file = resolve(sqliteDir, 'review-envs.sqlite');
  if (!existsSync(file)) return [];
  const registry = new Database(file, { readonly: true });
  let rows;
  try {
    rows = registry
      .prepare(
        `select environment_id, type, resource_id from review_envs_database_resources
         where type in ('postgres-database', 'postgres-role')`,
      )
      .all();
  } catch {
    return [];
  } finally {
    registry.close();
  }
  const owned = rows.filter(
    ({ environment_id: id, type, resource_id: name }) =>
      /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(id) &&
      (name === prefixedName('review_', id) ||
        (type === 'postgres-database' &&
          name === prefixedName('review__', id))),
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
    for (const { type, resource_id: name } of [
      ...owned.filter(row => row.type === 'postgres-database'),
      ...owned.filter(row => row.type === 'postgres-role'),
    ]) {
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

/** As @internal/backend-databases names an owner's database: prefixedPostgresName. */
function prefixedName(prefix, key) {
  const name = `${prefix}${key.replace(/-/g, '_')}`;
  if (name.length < 63) return name;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `${name.slice(0, 63 - hash.length - 1)}_${hash}`;
}
