import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TABLES } from './tables';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = resolvePackagePath(
  '@internal/plugin-release-watch-backend',
  'migrations',
);

const sample = (key: string, extra: object = {}) => ({
  key,
  metric: 'metric:page_load',
  subject: 'component:default/web',
  entity_ref: 'component:default/web',
  group_name: 'frontend',
  at: 1_772_445_600_000,
  week_start: '2026-03-02',
  month_start: '2026-03-01',
  value: 3.1,
  label: 'page_load',
  unit: 's',
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'release-watch migrations on %s',
  databaseId => {
    it('gives samples an environment, keeps the rows stored before, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ directory });
      await knex(TABLES.measurements).insert(sample('sample:old'));

      await knex.migrate.latest({ directory });
      await knex(TABLES.measurements).insert(
        sample('sample:new', { environment: 'tenant-acme' }),
      );
      const rows = await knex(TABLES.measurements)
        .orderBy('key')
        .select('key', 'environment');
      expect(rows).toEqual([
        { key: 'sample:new', environment: 'tenant-acme' },
        { key: 'sample:old', environment: null },
      ]);

      await knex.migrate.down({ directory });
      expect(
        await knex.schema.hasColumn(TABLES.measurements, 'environment'),
      ).toBe(false);
      expect(
        Number((await knex(TABLES.measurements).count({ n: '*' }))[0].n),
      ).toBe(2);
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable(TABLES.measurements)).toBe(false);
    });
  },
);
