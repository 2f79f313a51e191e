// What the cloud-local profile's previous run left in the real PostgreSQL:
// its tenants' and review environments' databases and roles, which outlive
// moto's in-memory state. Names come from the previous run's registries, and
// only those that are exactly a name the portal derives from a tenant's slug
// or an environment's id are dropped, so nothing else on the server is
// touched.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

/** The tenants' databases and roles (tenant_<slug>) the ledger holds. */
export async function dropPreviousTenantDatabases(sqliteDir, postgresUrl) {
  const rows = readRegistry(
    resolve(sqliteDir, 'tenant-scaffolder.sqlite'),
    `select slug, resource_type as type, resource_id as name from tenant_ledger
     where removed_at_ms is null
       and resource_type in ('postgres-database', 'postgres-role')`,
  );
  const owned = rows.filter(
    ({ slug, name }) =>
      /^[a-z][a-z0-9-]*$/.test(slug) &&
      name === `tenant_${slug.replace(/-/g, '_')}`,
  );
  return dropOwnedDatabases(postgresUrl, owned);
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
  const rows = readRegistry(
    resolve(sqliteDir, 'review-envs.sqlite'),
    `select environment_id as id, type, resource_id as name
     from review_envs_database_resources
     where type in ('postgres-database', 'postgres-role')`,
  );
  const owned = rows.filter(
    ({ id, type, name }) =>
      /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(id) &&
      (name === prefixedName('review_', id) ||
        (type === 'postgres-database' &&
          name === prefixedName('review__', id))),
  );
  return dropOwnedDatabases(postgresUrl, owned);
}

/** The rows of a previous run's registry; none when it or its table is missing. */
function readRegistry(file, query) {
  if (!existsSync(file)) return [];
  const registry = new Database(file, { readonly: true });
  try {
    return registry.prepare(query).all();
  } catch {
    return [];
  } finally {
    registry.close();
  }
}

/**
 * Drops each `{ type, name }` (postgres-database or postgres-role), the
 * databases before the roles that own them; returns the names dropped.
 */
async function dropOwnedDatabases(postgresUrl, owned) {
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
    for (const { type, name } of [
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
  return [...new Set(owned.map(row => row.name))];
}

/** As @internal/backend-databases names an owner's database: prefixedPostgresName. */
function prefixedName(prefix, key) {
  const name = `${prefix}${key.replace(/-/g, '_')}`;
  if (name.length < 63) return name;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `${name.slice(0, 63 - hash.length - 1)}_${hash}`;
}
