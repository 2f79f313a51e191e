import { ConflictError } from '@backstage/errors';
import { Knex, knex as createKnex } from 'knex';
import { randomBytes } from 'node:crypto';
import { escapeLiteral } from 'pg';
import {
  assertValidKey,
  DatabaseConnection,
  DatabaseNaming,
  OwnedDatabases,
} from './OwnedDatabases';
import { assertOwnedName, LedgerResource, RecordResource } from './ownership';

const ROLE = 'postgres-role';
const DATABASE = 'postgres-database';

/**
 * One database per owner on a PostgreSQL server, owned by a login role of
 * the same name (`naming.postgresName(key)`) with a generated password.
 * `admin` is a connection with CREATEDB and CREATEROLE.
 */
export class PostgresDatabases implements OwnedDatabases {
  readonly resourceTypes = [ROLE, DATABASE];

  constructor(
    private readonly admin: Knex,
    /** Host and port owners' applications connect to, when not the admin connection's. */
    private readonly server: { host: string; port: number },
    readonly naming: DatabaseNaming,
  ) {}

  describe(key: string): string[] {
    const name = this.name(key);
    return [
      `create PostgreSQL role ${name} with a generated password`,
      `create database ${name} owned by ${name}, closed to other roles`,
      `load the seed SQL into ${name} as ${name}`,
    ];
  }

  async create(
    key: string,
    seedSql: string,
    record: RecordResource,
  ): Promise<DatabaseConnection> {
    const name = this.name(key);
    await this.refuseExisting(name);
    const password = randomBytes(24).toString('base64url');

    await record({ type: ROLE, id: name });
    // Utility statements take no bind parameters: quote by hand.
    await this.admin.raw(
      `CREATE ROLE ${quoteIdentifier(name)} LOGIN PASSWORD ${escapeLiteral(
        password,
      )}`,
    );
    await record({ type: DATABASE, id: name });
    await this.admin.raw(
      `CREATE DATABASE ${quoteIdentifier(name)} OWNER ${quoteIdentifier(name)}`,
    );
    await this.admin.raw(
      `REVOKE ALL ON DATABASE ${quoteIdentifier(name)} FROM PUBLIC`,
    );

    const connection = {
      client: 'pg' as const,
      host: this.server.host,
      port: this.server.port,
      database: name,
      user: name,
      password,
    };
    if (seedSql.trim()) {
      const { client: _client, ...pgConnection } = connection;
      const owned = createKnex({
        client: 'pg',
        connection: pgConnection,
        pool: { min: 0, max: 1 },
      });
      try {
        await owned.raw(seedSql);
      } finally {
        await owned.destroy();
      }
    }
    return connection;
  }

  async remove(key: string, resource: LedgerResource): Promise<void> {
    const own = this.name(key);
    const owner = `${this.naming.owner} ${key}`;
    if (resource.type === ROLE) {
      assertOwnedName(owner, resource, ROLE, [own]);
      await this.admin.raw(`DROP ROLE IF EXISTS ${quoteIdentifier(own)}`);
      return;
    }
    const replacement = this.naming.postgresReplacementName?.(key);
    assertOwnedName(owner, resource, DATABASE, [
      own,
      ...(replacement ? [replacement] : []),
    ]);
    await this.dropDatabase(resource.id);
  }

  async openExisting(key: string): Promise<Knex | undefined> {
    const name = this.name(key);
    if (!(await this.databaseExists(name))) return undefined;
    return createKnex({
      client: 'pg',
      connection: this.adminConnectionTo(name),
      pool: { min: 0, max: 1 },
    });
  }

  async createReplacement(
    key: string,
    owner: DatabaseConnection,
    record: RecordResource,
  ): Promise<DatabaseConnection> {
    const name = this.name(key);
    const replacement = this.replacementName(key);
    if (owner.client !== 'pg' || owner.user !== name) {
      throw new Error(
        `a replacement of ${name} is filled by its own role, not ${
          owner.client === 'pg' ? owner.user : owner.client
        }`,
      );
    }
    await this.discardReplacement(key);
    await record({ type: DATABASE, id: replacement });
    await this.admin.raw(
      `CREATE DATABASE ${quoteIdentifier(replacement)} OWNER ${quoteIdentifier(
        name,
      )}`,
    );
    await this.admin.raw(
      `REVOKE ALL ON DATABASE ${quoteIdentifier(replacement)} FROM PUBLIC`,
    );
    return { ...owner, database: replacement };
  }

  async replace(key: string): Promise<void> {
    const name = this.name(key);
    const replacement = this.replacementName(key);
    if (!(await this.databaseExists(replacement))) {
      throw new Error(`${name} has no replacement database`);
    }
    // Without the old database for a moment: never a half-filled one.
    await this.dropDatabase(name);
    await this.terminateConnections(replacement);
    await this.admin.raw(
      `ALTER DATABASE ${quoteIdentifier(
        replacement,
      )} RENAME TO ${quoteIdentifier(name)}`,
    );
  }

  async discardReplacement(key: string): Promise<void> {
    await this.dropDatabase(this.replacementName(key));
  }

  /** The database and role name of `key`. */
  name(key: string): string {
    assertValidKey(this.naming, key);
    return this.naming.postgresName(key);
  }

  private replacementName(key: string): string {
    assertValidKey(this.naming, key);
    const replacement = this.naming.postgresReplacementName?.(key);
    if (!replacement) {
      throw new Error(
        `the databases of a ${this.naming.owner} are not replaced on PostgreSQL`,
      );
    }
    return replacement;
  }

  private async dropDatabase(name: string) {
    await this.admin.raw(
      `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`,
    );
  }

  private async terminateConnections(name: string) {
    await this.admin.raw(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()',
      [name],
    );
  }

  private async databaseExists(name: string): Promise<boolean> {
    const { rows } = await this.admin.raw(
      'SELECT 1 FROM pg_database WHERE datname = ?',
      [name],
    );
    return rows.length > 0;
  }

  /** The admin's own connection settings, to another database. */
  private adminConnectionTo(
    database: string,
  ): Knex.PgConnectionConfig | string {
    const settings = this.admin.client.config.connection;
    if (typeof settings === 'string') {
      const url = new URL(settings);
      url.pathname = `/${encodeURIComponent(database)}`;
      return url.toString();
    }
    return { ...settings, database };
  }

  private async refuseExisting(name: string) {
    const { rows: databases } = await this.admin.raw(
      'SELECT 1 FROM pg_database WHERE datname = ?',
      [name],
    );
    const { rows: roles } = await this.admin.raw(
      'SELECT 1 FROM pg_roles WHERE rolname = ?',
      [name],
    );
    if (databases.length || roles.length) {
      throw new ConflictError(
        `PostgreSQL ${
          databases.length ? 'database' : 'role'
        } ${name} already exists; the portal does not touch what it did not make`,
      );
    }
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
