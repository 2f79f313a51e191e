import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { EntityDirectory } from '../attribution/EntityDirectory';
import { naturalKey } from '../ingest/parseEvents';
import { EventStore } from './EventStore';
import { RollupStore } from './RollupStore';
import { TABLES } from './tables';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const API = 'component:default/api';
const directory: EntityDirectory = {
  attribute: async event =>
    event.entityRef === API ? { entityRef: API, group: 'backend' } : undefined,
  list: async () => [{ entityRef: API, group: 'backend' }],
  okrAnnotations: async () => [],
};

async function setUp(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@internal/plugin-release-watch-backend',
      'migrations',
    ),
  });
  const store = new EventStore(knex, directory);
  const ingest = (
    events: Array<
      Omit<ReleaseWatchEvent, 'entityRef'> & Partial<ReleaseWatchEvent>
    >,
  ) =>
    store.ingest(
      events.map(event => {
        const withRef = { entityRef: API, ...event } as ReleaseWatchEvent;
        return { ...withRef, id: naturalKey(withRef) };
      }),
    );
  const measurements = async (metric: string) =>
    (
      await knex(TABLES.measurements)
        .where({ metric })
        .orderBy('key')
        .select('label', 'value', 'week_start')
    ).map(row => ({ ...row, value: Number(row.value) }));
  return { knex, ingest, measurements };
}

describe.each(databases.eachSupportedId())(
  'EventStore derivations on %s',
  databaseId => {
    it('measures lead time from first commit to the production deployment that shipped it, in any arrival order', async () => {
      const { ingest, measurements } = await setUp(databaseId);
      await ingest([
        {
          kind: 'deployment',
          at: '2026-03-04T12:00:00Z',
          environment: 'production',
          status: 'success',
          version: '1.1',
        },
      ]);
      await ingest([
        {
          kind: 'pull_request_merged',
          at: '2026-03-03T12:00:00Z',
          number: 2,
          firstCommitAt: '2026-03-03T00:00:00Z',
        },
        { kind: 'pull_request_merged', at: '2026-03-01T12:00:00Z', number: 1 },
        { kind: 'pull_request_merged', at: '2026-03-05T12:00:00Z', number: 3 },
      ]);
      // An earlier deployment arrives late: it, not the later one, shipped #1.
      await ingest([
        {
          kind: 'deployment',
          at: '2026-03-02T12:00:00Z',
          environment: 'production',
          status: 'success',
          version: '1.0',
        },
        {
          kind: 'deployment',
          at: '2026-03-02T13:00:00Z',
          environment: 'staging',
          status: 'success',
          version: '1.0',
        },
      ]);

      expect(await measurements('lead_time')).toEqual([
        { label: '#1', value: 24, week_start: '2026-03-02' },
        { label: '#2', value: 36, week_start: '2026-03-02' },
      ]);
    });

    it('counts a deployment as failed when its status says so or an incident names its version, and times the restore', async () => {
      const { ingest, measurements, knex } = await setUp(databaseId);
      await ingest([
        {
          kind: 'deployment',
          at: '2026-03-02T10:00:00Z',
          environment: 'production',
          status: 'success',
          version: '1.0',
        },
        {
          kind: 'deployment',
          at: '2026-03-03T10:00:00Z',
          environment: 'production',
          status: 'failure',
          version: '1.1',
        },
        {
          kind: 'deployment',
          at: '2026-03-04T10:00:00Z',
          environment: 'production',
          status: 'success',
          version: '1.2',
        },
        {
          kind: 'incident',
          at: '2026-03-05T10:30:00Z',
          incident: 'INC-9',
          action: 'resolved',
        },
      ]);
      await ingest([
        {
          kind: 'incident',
          at: '2026-03-05T08:00:00Z',
          incident: 'INC-9',
          action: 'opened',
          causedByVersion: '1.2',
        },
      ]);

      expect(
        (await measurements('change_failure_rate')).map(m => [
          m.label,
          m.value,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['1.0', 0],
          ['1.1', 100],
          ['1.2', 100],
        ]),
      );
      expect(await measurements('time_to_restore')).toEqual([
        { label: 'INC-9', value: 2.5, week_start: '2026-03-02' },
      ]);

      const rollups = new RollupStore(knex);
      await rollups.refreshStale();
      const [week] = await rollups.read({
        metric: 'change_failure_rate',
        period: 'week',
        scope: { kind: 'group', group: 'backend' },
        from: '2026-03-02',
        to: '2026-03-02',
      });
      expect(week).toMatchObject({ count: 3, sum: 200 });
      expect(await rollups.staleCount()).toBe(0);
    });

    it('counts a production deployment as rework when it names what it fixes or a resolved incident names its version, in any arrival order', async () => {
      const { ingest, measurements, knex } = await setUp(databaseId);
      const production = (version: string, at: string) => ({
        kind: 'deployment' as const,
        at,
        environment: 'production',
        status: 'success' as const,
        version,
      });
      // 2.1 is resolved by an incident stored before it; 2.3 by one after.
      await ingest([
        {
          kind: 'incident',
          at: '2026-03-03T11:00:00Z',
          incident: 'INC-1',
          action: 'resolved',
          resolvedByVersion: '2.1',
        },
      ]);
      await ingest([
        production('2.0', '2026-03-02T10:00:00Z'),
        production('2.1', '2026-03-03T10:00:00Z'),
        { ...production('2.2', '2026-03-04T10:00:00Z'), fixes: '2.0' },
        production('2.3', '2026-03-05T10:00:00Z'),
        { ...production('2.4', '2026-03-05T12:00:00Z'), fixes: 'INC-2' },
        {
          ...production('2.5', '2026-03-06T10:00:00Z'),
          environment: 'staging',
          fixes: 'INC-3',
        },
      ]);
      await ingest([
        {
          kind: 'incident',
          at: '2026-03-05T11:00:00Z',
          incident: 'INC-2',
          action: 'resolved',
          resolvedByVersion: '2.3',
        },
      ]);

      expect(
        (await measurements('deployment_rework_rate')).map(m => [
          m.label,
          m.value,
        ]),
      ).toEqual([
        ['2.0', 0],
        ['2.1', 100],
        ['2.2', 100],
        ['2.3', 100],
        ['2.4', 100],
      ]);
      // Resolving names no cause: change failure rate is untouched.
      expect(
        (await measurements('change_failure_rate')).map(m => m.value),
      ).toEqual([0, 0, 0, 0, 0]);

      const rollups = new RollupStore(knex);
      await rollups.refreshStale();
      const [week] = await rollups.read({
        metric: 'deployment_rework_rate',
        period: 'week',
        scope: { kind: 'org' },
        from: '2026-03-02',
        to: '2026-03-02',
      });
      expect(week).toMatchObject({ count: 5, sum: 400 });
    });

    it('keeps an unattributed event and its measurements out of group and entity rollups', async () => {
      const { ingest, knex } = await setUp(databaseId);
      const result = await ingest([
        {
          kind: 'metric',
          at: '2026-03-02T10:00:00Z',
          entityRef: 'component:default/ghost',
          name: 'page_load',
          value: 4,
          unit: 's',
        },
      ]);
      expect(result).toEqual({ accepted: 1, duplicates: 0, unattributed: 1 });
      const rollups = new RollupStore(knex);
      await rollups.refreshStale();
      const read = (scope: any) =>
        rollups.read({
          metric: 'metric:page_load',
          period: 'week',
          scope,
          from: '2026-03-02',
          to: '2026-03-02',
        });
      expect(await read({ kind: 'org' })).toEqual([
        expect.objectContaining({ count: 1, p50: 4, unit: 's' }),
      ]);
      expect(await read({ kind: 'group', group: 'backend' })).toEqual([]);
    });
  },
);
