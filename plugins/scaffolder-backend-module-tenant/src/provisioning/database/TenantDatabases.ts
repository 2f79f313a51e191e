import { LedgerResource, RecordResource } from '../LedgerResource';

/** What a tenant's application connects with. The password is a secret: never logged or output. */
export type TenantDatabaseConnection =
  | {
      client: 'pg';
      host: string;
      port: number;
      database: string;
      user: string;
      password: string;
    }
  | { client: 'better-sqlite3'; filename: string };

/** A tenant's own database: PostgreSQL in production, a SQLite file on the embedded default. */
export interface TenantDatabases {
  /** What `create` would do, for dry runs. */
  describe(slug: string): string[];

  /**
   * Creates the tenant's database (and role), loads `seedSql`, and returns
   * how to connect. Refuses when any of them already exists: what the portal
   * did not make, it never touches.
   */
  create(
    slug: string,
    seedSql: string,
    record: RecordResource,
  ): Promise<TenantDatabaseConnection>;

  /**
   * Removes one resource `create` made for the tenant; one already gone is
   * fine. An entry naming anything else is refused (ForeignResourceError).
   */
  remove(slug: string, resource: LedgerResource): Promise<void>;

  /** The ledger types this driver removes. */
  readonly resourceTypes: string[];
}
