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
    assertOwnedName(
      `${this.naming.owner} ${key}`,
      resource,
      resource.type === ROLE ? ROLE : DATABASE,
      [own],
    );
    const name = quoteIdentifier(own);
    if (resource.type === DATABASE) {
      await this.admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } else if (resource.type === ROLE) {
      await this.admin.raw(`DROP ROLE IF EXISTS ${name}`);
    }
  }

  /** The database and role name of `key`. */
  name(key: string): string {
    assertValidKey(this.naming, key);
    return this.naming.postgresName(key);
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
