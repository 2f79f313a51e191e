import { Config } from '@backstage/config';
import { knex } from 'knex';
import { DatabaseNaming, OwnedDatabases } from './OwnedDatabases';
import { PostgresDatabases } from './PostgresDatabases';
import { SqliteDatabases } from './SqliteDatabases';

/**
 * The driver a configuration block names (see `config.d.ts`): with
 * `type: postgres`, PostgreSQL through the admin `connection`, its owners'
 * applications connecting to the host at `hostKey` (default the admin
 * connection's); otherwise SQLite files in `directory` (default
 * `defaultDirectory`).
 */
export function readOwnedDatabases(
  config: Config | undefined,
  options: {
    naming: DatabaseNaming;
    defaultDirectory: string;
    /** The block's key for the host applications connect to, e.g. `tenantHost`. */
    hostKey: string;
  },
): OwnedDatabases {
  if (config?.getOptionalString('type') === 'postgres') {
    const connection = config.getConfig('connection');
    const host = connection.getString('host');
    const port = connection.getOptionalNumber('port') ?? 5432;
    const admin = knex({
      client: 'pg',
      connection: {
        host,
        port,
        user: connection.getString('user'),
        password: connection.getOptionalString('password'),
        database: connection.getOptionalString('database') ?? 'postgres',
      },
      pool: { min: 0, max: 2 },
    });
    return new PostgresDatabases(
      admin,
      { host: config.getOptionalString(options.hostKey) ?? host, port },
      options.naming,
    );
  }
  return new SqliteDatabases(
    config?.getOptionalString('directory') ?? options.defaultDirectory,
    options.naming,
  );
}
