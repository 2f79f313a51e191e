import { TestDatabases } from '@backstage/backend-test-utils';
import { itRunsMigrationsUpAndDown } from '@internal/backend-plugin-utils';

describe('tenant-scaffolder migrations', () => {
  itRunsMigrationsUpAndDown({
    databases: TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
    packageName: '@internal/plugin-tenant-scaffolder-backend',
    tables: [
      'tenants',
      'tenant_secrets',
      'tenant_ledger',
      'tenant_history',
      'tenant_deployment_outbox',
    ],
  });
});
