import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  KeySummary,
  ReleaseWatchEvent,
} from '@internal/plugin-release-watch-common';
import { EntityDirectory } from '../../attribution/EntityDirectory';
import { naturalKey } from '../../ingest/parseEvents';
import { EventStore } from '../../store/EventStore';
import { ReportStore } from '../../store/ReportStore';
import { RollupStore } from '../../store/RollupStore';
import { CatalogTeamDirectory } from '../../teams/TeamDirectory';
import { SummaryService } from '../SummaryService';
import { GetSummaryModelImpl } from './GetSummary.model';
import { GetTeamsModelImpl } from './GetTeams.model';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const WEB = 'component:default/web';
const API = 'component:default/api';
const CI = 'component:default/ci';

const group = (name: string, spec: object): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, title: name[0].toUpperCase() + name.slice(1) },
  spec: { type: 'team', children: [], ...spec },
});
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { type: 'service', lifecycle: 'production', owner },
});

// As examples/org.yaml: engineering lists its children, they name it parent.
const CATALOG = [
  group('engineering', { children: ['platform', 'frontend', 'backend'] }),
  group('platform', { parent: 'engineering' }),
  group('frontend', { parent: 'engineering' }),
  group('backend', { parent: 'engineering' }),
  group('customer-success', {}),
  group('data', {}),
  component('web', 'frontend'),
  component('api', 'group:default/backend'),
  component('ci', 'platform'),
  component('warehouse', 'data'),
];

const directory: EntityDirectory = {
  attribute: async event =>
    [WEB, API, CI].includes(event.entityRef!)
      ? { entityRef: event.entityRef!, group: null }
      : undefined,
  list: async () => [],
  okrAnnotations: async () => [],
};

const deploy = (
  entityRef: string,
  at: string,
  status: 'success' | 'failure' = 'success',
) => ({
  kind: 'deployment' as const,
  entityRef,
  at,
  environment: 'production',
  status,
  version: at,
});

const merged = (
  entityRef: string,
  number: number,
  at: string,
  firstCommitAt: string,
) => ({
  kind: 'pull_request_merged' as const,
  entityRef,
  number,
  at,
  firstCommitAt,
});

/** Eight weeks, 2026-02-02 to 2026-03-29: the trend's two 28-day windows are February and March. */
const EVENTS: ReleaseWatchEvent[] = [
  // web: 2 deploys in the earlier window, 6 in the later; leads 2, 10, 30 h.
  ...[
    '02-10',
    '02-20',
    '03-03',
    '03-05',
    '03-10',
    '03-12',
    '03-17',
    '03-24',
  ].map(day => deploy(WEB, `2026-${day}T12:00:00Z`)),
  merged(WEB, 1, '2026-03-03T11:00:00Z', '2026-03-03T10:00:00Z'),
  merged(WEB, 2, '2026-03-03T11:00:00Z', '2026-03-03T02:00:00Z'),
  merged(WEB, 3, '2026-03-03T11:00:00Z', '2026-03-02T06:00:00Z'),
  // api: two deploys a week and one failed; leads 50 and 100 h; one 2-hour incident.
  ...Array.from({ length: 16 }, (_, i) =>
    deploy(
      API,
      new Date(Date.UTC(2026, 1, 2, 12) + i * 3.5 * 86_400_000).toISOString(),
    ),
  ),
  deploy(API, '2026-03-11T09:00:00Z', 'failure'),
  merged(API, 4, '2026-03-16T11:00:00Z', '2026-03-14T10:00:00Z'),
  merged(API, 5, '2026-03-16T11:00:00Z', '2026-03-12T08:00:00Z'),
  {
    kind: 'incident',
    entityRef: API,
    incident: 'INC-1',
    action: 'opened',
    at: '2026-03-18T00:00:00Z',
  },
  {
    kind: 'incident',
    entityRef: API,
    incident: 'INC-1',
    action: 'resolved',
    at: '2026-03-18T02:00:00Z',
  },
  // ci: one deploy in eight weeks.
  deploy(CI, '2026-03-20T12:00:00Z'),
];

async function setUp(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@internal/plugin-release-watch-backend',
      'migrations',
    ),
  });
  const events = new EventStore(knex, directory);
  const ingest = (batch: ReleaseWatchEvent[]) =>
    events.ingest(batch.map(event => ({ ...event, id: naturalKey(event) })));
  await ingest(EVENTS);
  const teams = new CatalogTeamDirectory(
    catalogServiceMock({ entities: CATALOG }),
    mockServices.auth(),
  );
  const store = new ReportStore(knex, async scope =>
    scope.kind === 'owner'
      ? { ...scope, entityRefs: (await teams.team(scope.owner)).entityRefs }
      : scope,
  );
  const rollups = new RollupStore(knex);
  const summary = new SummaryService(store, () => rollups.settle());
  return {
    ingest,
    store,
    rollups,
    teams: new GetTeamsModelImpl(teams, summary),
    summary: new GetSummaryModelImpl(summary),
  };
}

const RANGE = { from: '2026-02-02', to: '2026-03-29' };

/** Each key as `metric: value band trend`, values rounded to 2 decimals. */
const brief = (keys: KeySummary[]) =>
  Object.fromEntries(
    keys.map(key => [
      key.metric,
      [
        key.value === null ? null : Math.round(key.value * 100) / 100,
        key.band ?? key.noBandReason,
        key.trend ? `${key.trend.direction} ${key.trend.verdict}` : null,
      ],
    ]),
  );

describe.each(databases.eachSupportedId())('teams on %s', databaseId => {
  it('rolls nested groups up, each entity once, and bands every team', async () => {
    const { teams } = await setUp(databaseId);
    const answer = await teams.getTeams(RANGE);

    expect(answer).toMatchObject(RANGE);
    expect(
      answer.teams.map(t => [t.title, t.owner, t.parent, t.entities]),
    ).toEqual([
      ['Backend', 'group:default/backend', 'group:default/engineering', 1],
      ['Data', 'group:default/data', null, 1],
      ['Engineering', 'group:default/engineering', null, 3],
      ['Frontend', 'group:default/frontend', 'group:default/engineering', 1],
      ['Platform', 'group:default/platform', 'group:default/engineering', 1],
    ]);
    const byTitle = Object.fromEntries(
      answer.teams.map(t => [t.title, brief(t.keys)]),
    );
    const noRework =
      'The 2023 DORA report defines no performance band for deployment rework rate';
    expect(byTitle.Frontend).toEqual({
      deployment_frequency: [1, 'high', 'up better'],
      lead_time: [10, 'elite', null],
      change_failure_rate: [0, 'elite', 'flat same'],
      time_to_restore: [null, 'No data in the range', null],
      deployment_rework_rate: [0, noRework, 'flat same'],
    });
    expect(byTitle.Backend).toEqual({
      deployment_frequency: [2, 'high', 'flat same'],
      lead_time: [50, 'high', null],
      change_failure_rate: [5.88, 'high', 'up worse'],
      time_to_restore: [2, 'high', null],
      deployment_rework_rate: [0, noRework, 'flat same'],
    });
    // Nothing measured for Data's entity: no data, rather than a Low band.
    expect(byTitle.Data).toEqual({
      deployment_frequency: [null, 'No events in the range', null],
      lead_time: [null, 'No data in the range', null],
      change_failure_rate: [null, 'No data in the range', null],
      time_to_restore: [null, 'No data in the range', null],
      deployment_rework_rate: [null, noRework, null],
    });
    expect(byTitle.Platform.deployment_frequency).toEqual([
      0.13,
      'low',
      'up better',
    ]);
    // Engineering is its three teams' entities together: 8 + 16 + 1
    // deploys, 1 failure in 26, the median of all five lead times.
    expect(byTitle.Engineering).toEqual({
      deployment_frequency: [3.13, 'high', 'up better'],
      lead_time: [30, 'high', null],
      change_failure_rate: [3.85, 'elite', 'up worse'],
      time_to_restore: [2, 'high', null],
      deployment_rework_rate: [0, noRework, 'flat same'],
    });
  });

  it('answers the same for the organisation as for the team that owns everything', async () => {
    const { summary } = await setUp(databaseId);
    const org = await summary.getSummary(RANGE);
    const engineering = await summary.getSummary({
      ...RANGE,
      owner: 'group:default/engineering',
    });
    expect(engineering.scope).toEqual({
      kind: 'owner',
      owner: 'group:default/engineering',
    });
    expect(engineering.keys).toEqual(org.keys);
    expect(org.keys.map(k => [k.metric, k.count])).toEqual([
      ['deployment_frequency', 25],
      ['lead_time', 5],
      ['change_failure_rate', 26],
      ['time_to_restore', 1],
      ['deployment_rework_rate', 26],
    ]);
  });

  it("computes a team's figures per period as the rollups compute the organisation's", async () => {
    const { store, rollups } = await setUp(databaseId);
    await rollups.refreshStale();
    const figures = (rows: Array<Record<string, unknown>>) =>
      rows.map(({ period_start, count, sum, p50, p90 }) => ({
        period_start,
        count,
        sum,
        p50,
        p90,
      }));
    for (const metric of ['deployment_frequency', 'lead_time']) {
      const window = {
        metric,
        period: 'week' as const,
        from: '2026-02-02',
        to: '2026-03-23',
      };
      const org = await rollups.read({ ...window, scope: { kind: 'org' } });
      const team = await store.periodFigures({
        ...window,
        scope: { kind: 'owner', owner: 'group:default/engineering' },
      });
      expect(org.length).toBeGreaterThan(0);
      expect(figures(team)).toEqual(figures(org));
    }
  });

  it('answers afresh once a measurement of the range is added or changes', async () => {
    const { summary, ingest } = await setUp(databaseId);
    const figure = async (metric: string) =>
      (await summary.getSummary(RANGE)).keys.find(k => k.metric === metric)!;
    expect((await figure('deployment_frequency')).count).toBe(25);
    expect((await figure('deployment_frequency')).count).toBe(25);

    await ingest([deploy(CI, '2026-03-21T12:00:00Z')]);
    expect((await figure('deployment_frequency')).count).toBe(26);

    // An earlier deployment of web arrives late: it, not the one after,
    // shipped the changes merged before it, so their lead times shrink.
    expect((await figure('lead_time')).value).toBe(30);
    await ingest([deploy(WEB, '2026-03-03T11:30:00Z')]);
    expect((await figure('lead_time')).value).toBe(29.5);
  });

  it('counts the days at either end of a range that is not whole weeks', async () => {
    const { summary } = await setUp(databaseId);
    // Wednesday to Wednesday: 8 web deploys, 14 of api's 16 (not 2 Feb, not
    // 27 Mar), ci's one; its failure makes 1 of 24 for the failure rate.
    const answer = await summary.getSummary({
      from: '2026-02-04',
      to: '2026-03-25',
    });
    const key = (metric: string) => answer.keys.find(k => k.metric === metric)!;
    expect(key('deployment_frequency').count).toBe(23);
    // 50 days: 4 Feb to 25 Mar, both included.
    expect(key('deployment_frequency').value).toBeCloseTo(23 / (50 / 7), 10);
    expect(key('change_failure_rate').count).toBe(24);
    expect(key('change_failure_rate').value).toBeCloseTo(100 / 24, 10);
    const frontend = await summary.getSummary({
      from: '2026-02-04',
      to: '2026-03-25',
      owner: 'group:default/frontend',
    });
    expect(frontend.keys[0].count).toBe(8);
  });

  it('refuses a team the catalog does not have', async () => {
    const { summary } = await setUp(databaseId);
    await expect(
      summary.getSummary({ ...RANGE, owner: 'group:default/nobody' }),
    ).rejects.toThrow('The catalog has no Group group:default/nobody');
  });
});
