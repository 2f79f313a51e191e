import { TestDatabases } from '@backstage/backend-test-utils';

/** The databases the registry runs on, for tests to run on each of them. */
export function registryDatabases() {
  return TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
}
