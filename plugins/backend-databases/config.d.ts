// The configuration block of the drivers. This package owns no key: each
// plugin that makes databases through it places the block under its own
// key in its config.d.ts, adding the name of the host its databases'
// users connect to (`tenantHost`, `environmentHost`).

/** A SQLite file per owner in `directory` (the embedded default). */
export interface SqliteDatabasesConfig {
  /** Default `sqlite`. */
  type?: 'sqlite';
  /** Default: the plugin's own folder under its data directory. */
  directory?: string;
}

/** A PostgreSQL database and login role per owner. */
export interface PostgresDatabasesConfig {
  type: 'postgres';
  /** An admin connection with CREATEDB and CREATEROLE. */
  connection: {
    host: string;
    port?: number;
    user: string;
    /** @visibility secret */
    password?: string;
    /** Default `postgres`. */
    database?: string;
  };
}

export type DatabasesConfig = SqliteDatabasesConfig | PostgresDatabasesConfig;
