import { TestDatabases } from '@backstage/backend-test-utils';
import { itRunsMigrationsUpAndDown } from '@internal/backend-plugin-utils';

describe('review-envs migrations', () => {
  itRunsMigrationsUpAndDown({
    databases: TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] }),
    packageName: '@internal/plugin-review-envs-backend',
    tables: [
      'review_envs_locks',
      'review_envs_lock_queue',
      'review_envs_lock_history',
      'review_envs_pull_requests',
      'review_envs_database_resources',
      'review_envs_databases',
      'review_envs_seeds',
      'review_envs_secrets',
    ],
  });
});
