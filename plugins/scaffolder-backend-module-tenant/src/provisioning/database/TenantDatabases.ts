import {
  DatabaseConnection,
  DatabaseNaming,
  OwnedDatabases,
  PostgresDatabases,
  SqliteDatabases,
  tenantDatabaseNaming as tenantNames,
} from '@internal/backend-databases';
import { Knex } from 'knex';
import { assertValidSlug } from '../assertValidSlug';

/** What a tenant's application connects with. The password is a secret: never logged or output. */
export type TenantDatabaseConnection = DatabaseConnection;

/** A tenant's own database: PostgreSQL in production, a SQLite file on the embedded default. */
export type TenantDatabases = OwnedDatabases;

/**
 * A tenant's database is named from its slug alone: `<slug>.sqlite`, or
 * the PostgreSQL database and role `tenant_<slug>` (dashes become
 * underscores).
 */
export const tenantDatabaseNaming: DatabaseNaming = {
  ...tenantNames,
  assertValidKey: assertValidSlug,
};

/** The embedded default: one SQLite file per tenant, `<directory>/<slug>.sqlite`. */
export class SqliteTenantDatabases extends SqliteDatabases {
  constructor(directory: string) {
    super(directory, tenantDatabaseNaming);
  }
}

/**
 * One database per tenant on a PostgreSQL server, owned by a login role of
 * the same name with a generated password: `tenant_<slug>`. `admin` is a
 * connection with CREATEDB and CREATEROLE.
 */
export class PostgresTenantDatabases extends PostgresDatabases {
  constructor(admin: Knex, server: { host: string; port: number }) {
    super(admin, server, tenantDatabaseNaming);
  }
}
