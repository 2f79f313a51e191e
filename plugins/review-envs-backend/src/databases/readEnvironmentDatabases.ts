import { Config } from '@backstage/config';
import {
  DatabaseNaming,
  OwnedDatabases,
  prefixedPostgresName,
  readOwnedDatabases,
} from '@internal/backend-databases';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReviewEnvironmentsConfig } from '../environments/ReviewEnvironmentsConfig';

/**
 * An environment's database is named from its id alone: `<id>.sqlite`, or
 * the PostgreSQL database and role `review_<id>` (dashes as underscores,
 * shortened with a hash past 62 characters). A seed fills
 * `<id>.next.sqlite`, or the database `review__<id>`, before it replaces
 * the environment's: no id's name begins `review__`, as ids begin with a
 * letter or digit.
 */
export const environmentDatabaseNaming: DatabaseNaming = {
  owner: 'review environment',
  postgresName: id => prefixedPostgresName('review_', id),
  postgresReplacementName: id => prefixedPostgresName('review__', id),
};

/**
 * The drivers `reviewEnvs.database` configures (SQLite files in
 * `<local.workDir>/databases` by default) and the SQL every new
 * environment database starts with: `reviewEnvs.database.seedSqlFile`,
 * else the tenants' (`tenantScaffolder.provisioning.seedSqlFile`), else
 * none. Relative paths are from the backend's working directory.
 * Undefined on ECS without `type: postgres`: a task cannot open a file on
 * the portal's disk.
 */
export function readEnvironmentDatabases(
  config: Config,
  environmentsConfig: Pick<ReviewEnvironmentsConfig, 'local' | 'target'>,
): { drivers: OwnedDatabases; seedSql: string } | undefined {
  const block = config.getOptionalConfig('reviewEnvs.database');
  if (
    environmentsConfig.target === 'ecs' &&
    block?.getOptionalString('type') !== 'postgres'
  ) {
    return undefined;
  }
  const drivers = readOwnedDatabases(block, {
    naming: environmentDatabaseNaming,
    defaultDirectory: join(environmentsConfig.local.workDir, 'databases'),
    hostKey: 'environmentHost',
  });
  const seedSqlFile =
    block?.getOptionalString('seedSqlFile') ??
    config.getOptionalString('tenantScaffolder.provisioning.seedSqlFile');
  return {
    drivers,
    seedSql: seedSqlFile ? readFileSync(resolve(seedSqlFile), 'utf8') : '',
  };
}
