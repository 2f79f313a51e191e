import { InputError } from '@backstage/errors';
import Database from 'better-sqlite3';
import { Knex, knex as createKnex } from 'knex';
import { createHash } from 'node:crypto';
import { LedgerResource, RecordResource } from './ownership';

/** What an owner's application connects with. The password is a secret: never logged or output. */
export type DatabaseConnection =
  | {
      client: 'pg';
      host: string;
      port: number;
      database: string;
      user: string;
      password: string;
    }
  | { client: 'better-sqlite3'; filename: string };

/**
 * How a driver names what it makes for an owner, from the owner's key alone
 * (a tenant's slug, a review environment's id): never from anything a
 * client wrote.
 */
export type DatabaseNaming = {
  /** Who owns each database, in messages: `tenant`, `review environment`. */
  owner: string;
  /**
   * Throws an InputError unless `key` is a valid key of such an owner. Keys
   * are also always checked to be DNS labels (lower-case letters, digits
   * and dashes, at most 63), as they become file names.
   */
  assertValidKey?(key: string): void;
  /** The PostgreSQL database and role of a key; see {@link prefixedPostgresName}. */
  postgresName(key: string): string;
  /**
   * The PostgreSQL database that is filled to replace a key's whole
   * (`createReplacement`), never any key's `postgresName`. Without it,
   * databases are not replaced on PostgreSQL.
   */
  postgresReplacementName?(key: string): string;
};

/**
 * The databases a plugin makes for what it hosts, one per owner: a SQLite
 * file on the embedded default, a PostgreSQL database and role in
 * production.
 */
export interface OwnedDatabases {
  readonly naming: DatabaseNaming;

  /** What `create` would do, for dry runs. */
  describe(key: string): string[];

  /**
   * Creates the owner's database (and role), loads `seedSql`, and returns
   * how to connect. Each resource is recorded before it is made. Refuses
   * when any of them already exists: what the portal did not make, it never
   * touches.
   */
  create(
    key: string,
    seedSql: string,
    record: RecordResource,
  ): Promise<DatabaseConnection>;

  /**
   * Removes one resource `create` made for the owner; one already gone is
   * fine. An entry naming anything else is refused (ForeignResourceError).
   */
  remove(key: string, resource: LedgerResource): Promise<void>;

  /** The ledger types this driver removes. */
  readonly resourceTypes: string[];

  /**
   * Opens the owner's database to read it (on PostgreSQL as the admin, which
   * must be able to read it); undefined when there is none. The caller
   * destroys the connection.
   */
  openExisting(key: string): Promise<Knex | undefined>;

  /**
   * Creates an empty database to replace the owner's whole, owned as the
   * owner's is, after dropping one a failed attempt left; recorded before it
   * is made. `owner` is how the owner connects now. Returns how the owner
   * connects to the replacement, to fill it.
   */
  createReplacement(
    key: string,
    owner: DatabaseConnection,
    record: RecordResource,
  ): Promise<DatabaseConnection>;

  /**
   * Puts the replacement in the place of the owner's database, which is
   * dropped: the owner connects as before and finds the new contents.
   */
  replace(key: string): Promise<void>;

  /** Drops the replacement, if there is one. */
  discardReplacement(key: string): Promise<void>;
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1). */
const MAX_IDENTIFIER = 63;

/** Checks `key` by the naming's rules, then as a DNS label. */
export function assertValidKey(naming: DatabaseNaming, key: string) {
  naming.assertValidKey?.(key);
  if (!DNS_LABEL.test(key)) {
    throw new InputError(
      `${naming.owner} '${key}' must be a DNS label: lower-case letters, digits and dashes, at most 63`,
    );
  }
}

/**
 * `<prefix><key>` with dashes as underscores, e.g. `tenant_acme_eu`. A name
 * that would pass 62 characters keeps the start of the key and ends in a
 * hash of the whole key, at exactly 63: a shortened name is never the
 * name of another key, which is at most 62.
 */
export function prefixedPostgresName(prefix: string, key: string): string {
  const name = `${prefix}${key.replace(/-/g, '_')}`;
  if (name.length < MAX_IDENTIFIER) return name;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `${name.slice(0, MAX_IDENTIFIER - hash.length - 1)}_${hash}`;
}

/** As tenant-scaffolder names its tenants' databases: `tenant_<slug>`. */
export const tenantDatabaseNaming: DatabaseNaming = {
  owner: 'tenant',
  postgresName: slug => prefixedPostgresName('tenant_', slug),
};

/**
 * The connection a {@link databaseUrl} gives. Throws an InputError on a
 * URL of another kind.
 */
export function parseDatabaseUrl(url: string): DatabaseConnection {
  if (url.startsWith('file:')) {
    return { client: 'better-sqlite3', filename: url.slice('file:'.length) };
  }
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgresql:') {
    throw new InputError(`not a database URL: ${parsed.protocol}`);
  }
  return {
    client: 'pg',
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/**
 * The connection as a URL, as applications take it in `DATABASE_URL`:
 * `postgresql://user:password@host:port/database`, or `file:<path>` for
 * SQLite.
 */
export function databaseUrl(connection: DatabaseConnection): string {
  if (connection.client === 'better-sqlite3') {
    return `file:${connection.filename}`;
  }
  const { user, password, host, port, database } = connection;
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(
    password,
  )}@${host}:${port}/${encodeURIComponent(database)}`;
}

/** A knex client on the connection, one connection at a time; the caller destroys it. */
export function connect(connection: DatabaseConnection): Knex {
  if (connection.client === 'better-sqlite3') {
    return createKnex({
      client: 'better-sqlite3',
      connection: { filename: connection.filename },
      useNullAsDefault: true,
    });
  }
  const { client: _client, ...pg } = connection;
  return createKnex({ client: 'pg', connection: pg, pool: { min: 0, max: 1 } });
}

/** Runs a script of SQL statements (a seed file) on the connection. */
export async function runSqlScript(
  connection: DatabaseConnection,
  sql: string,
): Promise<void> {
  if (!sql.trim()) return;
  if (connection.client === 'better-sqlite3') {
    // One prepared statement at a time elsewhere; a script needs exec.
    const database = new Database(connection.filename);
    try {
      database.exec(sql);
    } finally {
      database.close();
    }
    return;
  }
  const db = connect(connection);
  try {
    await db.raw(sql);
  } finally {
    await db.destroy();
  }
}
