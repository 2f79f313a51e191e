import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-review-envs-backend',
  'migrations',
);

describe('review-envs migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'run up and down on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('review_envs_locks')).toBe(true);
      expect(await knex.schema.hasTable('review_envs_lock_queue')).toBe(true);
      expect(await knex.schema.hasTable('review_envs_lock_history')).toBe(true);
      expect(await knex.schema.hasTable('review_envs_pull_requests')).toBe(
        true,
      );

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await knex.schema.hasTable('review_envs_locks')).toBe(false);
      expect(await knex.schema.hasTable('review_envs_lock_history')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('review_envs_pull_requests')).toBe(
        false,
      );
    },
  );
});
