import { Config } from '@backstage/config';
import {
  OwnedDatabases,
  readOwnedDatabases,
  tenantDatabaseNaming,
} from '@internal/backend-databases';
import { join } from 'node:path';

/**
 * The tenants' databases, to copy from, as the tenant scaffolder module
 * makes them: its `tenantScaffolder.provisioning.database` block, SQLite
 * files in `<tenantScaffolder.dataDir>/databases` by default. A tenant's
 * database is found from its slug alone, never from a path or a name a
 * caller gives.
 */
export function readTenantDatabases(config: Config): OwnedDatabases {
  const dataDir =
    config.getOptionalString('tenantScaffolder.dataDir') ?? 'data/tenants';
  return readOwnedDatabases(
    config.getOptionalConfig('tenantScaffolder.provisioning.database'),
    {
      naming: tenantDatabaseNaming,
      defaultDirectory: join(dataDir, 'databases'),
      hostKey: 'tenantHost',
    },
  );
}
