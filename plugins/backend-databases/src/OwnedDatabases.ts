import { InputError } from '@backstage/errors';
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
