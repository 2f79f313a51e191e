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

/** A deployment event as the first migration stores it. */
const deploymentEvent = (id: string, environment: string) => ({
  id,
  kind: 'deployment',
  at: 1_772_445_600_000,
  entity_ref: 'component:default/web',
  group_name: 'frontend',
  subject: 'component:default/web',
  version: '1.0',
  environment,
  status: 'success',
  production: true,
  incident: null,
  payload: '{}',
  received_at: 1_772_445_600_000,
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

      for (let i = 0; i < 3; i++) await knex.migrate.down({ directory });
      expect(
        await knex.schema.hasColumn(TABLES.measurements, 'environment'),
      ).toBe(false);
      expect(
        Number((await knex(TABLES.measurements).count({ n: '*' }))[0].n),
      ).toBe(2);
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable(TABLES.measurements)).toBe(false);
    });

    it("gives the deployments' measurements stored before their deployment's environment", async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ directory });
      await knex.migrate.up({ directory });
      await knex(TABLES.events).insert([
        deploymentEvent('d1', 'tenant-acme'),
        deploymentEvent('d2', 'production'),
      ]);
      const measured = (key: string, metric: string, label: string) =>
        sample(key, { metric, label, value: 0, unit: null });
      await knex(TABLES.measurements).insert([
        measured('deploy:d1', 'deployment_frequency', 'tenant-acme'),
        measured('cfr:d1', 'change_failure_rate', '1.0'),
        measured('cfr:d2', 'change_failure_rate', '1.0'),
        measured('rework:d2', 'deployment_rework_rate', '1.0'),
        measured('ci:c1', 'ci_feedback', 'build'),
      ]);

      await knex.migrate.latest({ directory });
      expect(
        await knex(TABLES.measurements)
          .orderBy('key')
          .select('key', 'environment'),
      ).toEqual([
        { key: 'cfr:d1', environment: 'tenant-acme' },
        { key: 'cfr:d2', environment: 'production' },
        { key: 'ci:c1', environment: null },
        { key: 'deploy:d1', environment: 'tenant-acme' },
        { key: 'rework:d2', environment: 'production' },
      ]);

      await knex.migrate.down({ directory });
      await knex.migrate.down({ directory });
      expect(
        Number(
          (
            await knex(TABLES.measurements)
              .whereNotNull('environment')
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(0);
    });

    it("marks the periods of measurements with an environment stale, for their environments' rollups", async () => {
      const knex = await databases.init(databaseId);
      for (let i = 0; i < 3; i++) await knex.migrate.up({ directory });
      await knex(TABLES.measurements).insert([
        sample('deploy:d1', {
          metric: 'deployment_frequency',
          environment: 'tenant-acme',
        }),
        sample('ci:c1', { metric: 'ci_feedback' }),
      ]);
      await knex(TABLES.rollups).insert({
        metric: 'deployment_frequency',
        period: 'week',
        period_start: '2026-03-02',
        scope_kind: 'env',
        scope: 'tenant-acme',
        count: 1,
        sum: 0,
      });

      await knex.migrate.latest({ directory });
      expect(
        await knex(TABLES.stalePeriods)
          .orderBy('period')
          .select('metric', 'period', 'period_start'),
      ).toEqual([
        {
          metric: 'deployment_frequency',
          period: 'month',
          period_start: '2026-03-01',
        },
        {
          metric: 'deployment_frequency',
          period: 'week',
          period_start: '2026-03-02',
        },
      ]);

      await knex.migrate.down({ directory });
      expect(await knex(TABLES.rollups).where('scope_kind', 'env')).toEqual([]);
    });
  },
);
