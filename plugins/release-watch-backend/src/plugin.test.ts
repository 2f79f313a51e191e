import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { releaseWatchPlugin } from './plugin';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const component = (
  name: string,
  extra: Partial<Entity['metadata']>,
  type: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', ...extra },
  spec: { type, lifecycle: 'production', owner: 'group:default/team' },
});

const ENTITIES = [
  component(
    'web',
    { annotations: { 'github.com/project-slug': 'acme/web' } },
    'website',
  ),
  component(
    'api',
    {
      tags: ['backend'],
      annotations: {
        'release-watch.io/okrs':
          '- { id: lead, metric: lead_time, baseline: 48, target: 24, startDate: 2026-01-05, dueDate: 2026-06-29 }',
      },
    },
    'service',
  ),
  component(
    'broken',
    { annotations: { 'release-watch.io/okrs': 'metric: [' } },
    'service',
  ),
];

const OKRS = [
  {
    id: 'ttp',
    metric: 'time_to_production',
    baseline: 30,
    target: 3,
    startDate: '2026-01-05',
    dueDate: '2026-06-29',
  },
  {
    id: 'ci-frontend',
    metric: 'ci_feedback',
    group: 'frontend',
    baseline: 50,
    target: 15,
    startDate: '2026-01-05',
    dueDate: '2026-06-29',
  },
];

async function startPortal(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      releaseWatchPlugin,
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory(),
      catalogServiceMock.factory({ entities: ENTITIES }),
      mockServices.rootConfig.factory({
        data: { releaseWatch: { okrs: OKRS } },
      }),
    ],
  });
  return server;
}

const asCi = { Authorization: mockCredentials.service.header() };
const asUser = {
  Authorization: mockCredentials.user.header('user:default/ada'),
};
const ndjson = (events: object[]) =>
  events.map(e => JSON.stringify(e)).join('\n');
const hours = (h: number) => h * 3_600_000;
const at = (iso: string, plusHours = 0) =>
  new Date(Date.parse(iso) + hours(plusHours)).toISOString();

describe.each(databases.eachSupportedId())(
  'release-watch backend on %s',
  databaseId => {
    it('stores good lines, refuses bad ones with line and field, and stores a fact once', async () => {
      const server = await startPortal(databaseId);
      const body = [
        JSON.stringify({
          kind: 'release',
          at: '2026-03-02T10:00:00Z',
          repository: 'acme/web',
          version: '1.0.0',
        }),
        '{not json',
        JSON.stringify({
          kind: 'deployment',
          at: 'yesterday',
          entityRef: 'component:default/web',
          environment: 'production',
          status: 'success',
        }),
        JSON.stringify({
          kind: 'metric',
          at: '2026-03-02T10:00:00Z',
          entityRef: 'component:default/web',
          name: 'page_load',
          value: 5.7,
          unit: 's',
        }),
        JSON.stringify({
          kind: 'teleport',
          at: '2026-03-02T10:00:00Z',
          entityRef: 'component:default/web',
        }),
      ].join('\n');

      const first = await request(server)
        .post('/api/release-watch/events')
        .set(asCi)
        .set('Content-Type', 'application/x-ndjson')
        .send(body);

      expect(first.status).toBe(400);
      expect(first.body.accepted).toBe(2);
      expect(first.body.errors).toEqual([
        { line: 2, field: '', message: 'line is not valid JSON' },
        { line: 3, field: 'at', message: 'must be an ISO 8601 date and time' },
        expect.objectContaining({ line: 5, field: 'kind' }),
      ]);

      const again = await request(server)
        .post('/api/release-watch/events')
        .set(asCi)
        .send([
          {
            kind: 'release',
            at: '2026-03-02T10:00:00Z',
            repository: 'acme/web',
            version: '1.0.0',
          },
        ]);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        accepted: 0,
        duplicates: 1,
        errors: [],
      });
    });

    it('lets only services push events', async () => {
      const server = await startPortal(databaseId);
      const response = await request(server)
        .post('/api/release-watch/events')
        .set(asUser)
        .send([]);
      expect(response.status).toBe(403);
    });

    it('measures time to production whichever of release and deployment arrives first', async () => {
      const server = await startPortal(databaseId);
      const start = '2026-03-02T08:00:00Z';
      const push = (events: object[]) =>
        request(server)
          .post('/api/release-watch/events')
          .set(asCi)
          .send(events)
          .expect(200);
      // 1.1.0's deployment arrives before its release; a staging deploy does not count.
      await push([
        {
          kind: 'deployment',
          at: at(start, 26),
          entityRef: 'component:default/api',
          environment: 'production',
          status: 'success',
          version: '1.1.0',
        },
        {
          kind: 'deployment',
          at: at(start, 1),
          entityRef: 'component:default/api',
          environment: 'staging',
          status: 'success',
          version: '1.0.0',
        },
      ]);
      await push([
        {
          kind: 'release',
          at: start,
          entityRef: 'component:default/api',
          version: '1.0.0',
        },
        {
          kind: 'release',
          at: at(start, 2),
          entityRef: 'component:default/api',
          version: '1.1.0',
        },
        {
          kind: 'deployment',
          at: at(start, 2),
          entityRef: 'component:default/api',
          environment: 'production',
          status: 'success',
          version: '1.0.0',
        },
        {
          kind: 'deployment',
          at: at(start, 3),
          entityRef: 'component:default/api',
          environment: 'production-tenant-b',
          status: 'success',
          version: '1.0.0',
        },
      ]);

      const releases = await request(server)
        .get('/api/release-watch/releases?from=2026-03-01&to=2026-03-31')
        .set(asUser)
        .expect(200);
      expect(
        releases.body.releases.map((r: any) => [
          r.version,
          r.timeToProductionHours,
          r.outlier,
        ]),
      ).toEqual([
        ['1.1.0', 24, true],
        ['1.0.0', 2, false],
      ]);
      expect(releases.body.report).toEqual([
        'backend: 1 of 2 releases under 3 hours, one outlier at 24 hours; average 13 hours',
      ]);

      const series = await request(server)
        .get(
          '/api/release-watch/series?metric=deployment_frequency&entityRef=component:default/api&from=2026-03-02&to=2026-03-08',
        )
        .set(asUser)
        .expect(200);
      expect(series.body.points).toEqual([
        expect.objectContaining({
          periodStart: '2026-03-02',
          count: 3,
          value: 3,
        }),
      ]);
    });

    it('reports exact percentiles per group and the OKRs against their targets', async () => {
      const server = await startPortal(databaseId);
      // Ten frontend CI runs of 1..10 minutes in one week: median 5, p90 9.
      const runs = Array.from({ length: 10 }, (_, i) => ({
        kind: 'ci_run',
        at: at('2026-03-03T12:00:00Z', (i + 1) / 60),
        startedAt: '2026-03-03T12:00:00Z',
        repository: 'acme/web',
        workflow: 'ci',
        trigger: 'pull_request',
        conclusion: 'success',
        commitSha: `c0ffee${i}`,
      }));
      await request(server)
        .post('/api/release-watch/events')
        .set(asCi)
        .set('Content-Type', 'application/x-ndjson')
        .send(ndjson(runs))
        .expect(200);

      const series = await request(server)
        .get(
          '/api/release-watch/series?metric=ci_feedback&group=frontend&from=2026-03-02&to=2026-03-15',
        )
        .set(asUser)
        .expect(200);
      expect(series.body.unit).toBe('minutes');
      expect(series.body.points).toEqual([
        { periodStart: '2026-03-02', count: 10, value: 5, median: 5, p90: 9 },
        {
          periodStart: '2026-03-09',
          count: 0,
          value: null,
          median: null,
          p90: null,
        },
      ]);

      const okrs = await request(server)
        .get('/api/release-watch/okrs?from=2026-03-02&to=2026-03-08')
        .set(asUser)
        .expect(200);
      const ci = okrs.body.reports.find((r: any) => r.okr.id === 'ci-frontend');
      expect(ci).toMatchObject({
        current: 5,
        change: -45,
        status: 'on-track',
        shareMeetingTarget: 1,
      });
      expect(ci.expectedNow).toBeCloseTo(50 - (35 * 56) / 175, 5);
      const ttp = okrs.body.reports.find((r: any) => r.okr.id === 'ttp');
      expect(ttp.status).toBe('no-data');
    });

    it('reports objectives declared in config and in catalog annotations, scoped to an entity', async () => {
      const server = await startPortal(databaseId);
      const okrs = await request(server)
        .get(
          '/api/release-watch/okrs?entityRef=component:default/api&from=2026-03-02&to=2026-03-08',
        )
        .set(asUser)
        .expect(200);
      expect(
        okrs.body.reports.map((r: any) => [
          r.okr.id,
          r.okr.scope,
          r.okr.declaredBy,
        ]),
      ).toEqual([
        [
          'component:default/api#lead',
          { kind: 'entity', entityRef: 'component:default/api' },
          'component:default/api',
        ],
        [
          'ttp@component:default/api',
          { kind: 'entity', entityRef: 'component:default/api' },
          'config',
        ],
      ]);
    });

    it('keeps events of unknown entities and reports them as unattributed', async () => {
      const server = await startPortal(databaseId);
      const pushed = await request(server)
        .post('/api/release-watch/events')
        .set(asCi)
        .send({
          events: [
            {
              kind: 'release',
              at: '2026-03-02T10:00:00Z',
              repository: 'acme/unknown',
              version: '2.0.0',
            },
          ],
        })
        .expect(200);
      expect(pushed.body).toMatchObject({ accepted: 1, unattributed: 1 });

      const unattributed = await request(server)
        .get('/api/release-watch/unattributed')
        .set(asUser)
        .expect(200);
      expect(unattributed.body.items).toEqual([
        {
          claimedBy: 'acme/unknown',
          events: 1,
          lastAt: '2026-03-02T10:00:00.000Z',
        },
      ]);
    });

    it('refuses malformed queries with a clear error', async () => {
      const server = await startPortal(databaseId);
      const response = await request(server)
        .get('/api/release-watch/series?metric=velocity')
        .set(asUser);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('metric must be one of');
    });
  },
);
