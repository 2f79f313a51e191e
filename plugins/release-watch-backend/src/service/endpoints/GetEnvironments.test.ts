import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { releaseWatchPlugin } from '../../plugin';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function startPortal(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      releaseWatchPlugin,
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory(),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: { releaseWatch: { okrs: [] } } }),
    ],
  });
  return server;
}

const asCi = { Authorization: mockCredentials.service.header() };
const asUser = {
  Authorization: mockCredentials.user.header('user:default/ada'),
};
const APP = 'component:default/tenant-app';

const deploy = (
  environment: string,
  at: string,
  version: string,
  status: 'success' | 'failure' = 'success',
  production = true,
) => ({
  kind: 'deployment',
  entityRef: APP,
  at,
  environment,
  version,
  status,
  production,
});

/** Two weeks of three tenants, a staging environment and a production one. */
const EVENTS = [
  // acme: 3 successful, 1 failed; 1.2 caused an incident.
  deploy('tenant-acme', '2026-03-02T10:00:00Z', '1.1'),
  deploy('tenant-acme', '2026-03-04T10:00:00Z', '1.2'),
  deploy('tenant-acme', '2026-03-09T10:00:00Z', '1.3', 'failure'),
  deploy('tenant-acme', '2026-03-10T10:00:00Z', '1.3'),
  {
    kind: 'incident',
    entityRef: APP,
    at: '2026-03-04T12:00:00Z',
    incident: 'INC-1',
    action: 'opened',
    causedByVersion: '1.2',
    environment: 'tenant-acme',
  },
  {
    kind: 'incident',
    entityRef: APP,
    at: '2026-03-04T13:00:00Z',
    incident: 'INC-1',
    action: 'resolved',
    environment: 'tenant-acme',
  },
  // globex: deployed long before the window, nothing since.
  deploy('tenant-globex', '2025-06-01T10:00:00Z', '0.9'),
  // A staging environment is not production: never listed unless named.
  deploy('staging', '2026-03-03T10:00:00Z', '1.2', 'success', false),
  // Page load samples per tenant; one without an environment.
  ...[1, 2, 10].map((value, i) => ({
    kind: 'metric',
    entityRef: APP,
    at: `2026-03-0${i + 2}T11:00:00Z`,
    name: 'page_load',
    value,
    unit: 's',
    environment: 'tenant-acme',
  })),
  {
    kind: 'metric',
    entityRef: APP,
    at: '2026-03-02T11:00:00Z',
    name: 'page_load',
    value: 7,
    unit: 's',
    environment: 'tenant-globex',
  },
  {
    kind: 'metric',
    entityRef: APP,
    at: '2026-03-02T11:00:00Z',
    name: 'page_load',
    value: 99,
    unit: 's',
  },
];

describe.each(databases.eachSupportedId())(
  'GET /environments on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startPortal>>;
    const get = (query: string) =>
      request(server)
        .get(`/api/release-watch/environments?${query}`)
        .set(asUser);

    beforeAll(async () => {
      server = await startPortal(databaseId);
      const pushed = await request(server)
        .post('/api/release-watch/events')
        .set(asCi)
        .send(EVENTS);
      if (pushed.status !== 200 || pushed.body.accepted !== EVENTS.length) {
        throw new Error(`events refused: ${JSON.stringify(pushed.body)}`);
      }
    });

    it('lists every production environment with its deployments, change failure rate, incidents and last version', async () => {
      const response = await get(
        'from=2026-03-02&to=2026-03-15&metric=metric:page_load',
      );
      expect(response.status).toBe(200);
      expect(response.body.from).toBe('2026-03-02T00:00:00.000Z');
      expect(response.body.to).toBe('2026-03-15T23:59:59.999Z');
      const [acme, globex, ...rest] = response.body.environments;
      expect(rest).toEqual([]);
      expect(acme).toEqual({
        environment: 'tenant-acme',
        deployments: 3,
        deploysPerWeek: expect.closeTo(1.5, 3),
        // The failed deployment and 1.2, which caused INC-1: 2 of 4.
        failedDeployments: 2,
        changeFailureRate: 50,
        incidents: 1,
        lastVersion: '1.3',
        lastDeployedAt: '2026-03-10T10:00:00.000Z',
        metric: {
          name: 'metric:page_load',
          unit: 's',
          count: 3,
          mean: expect.closeTo(13 / 3, 6),
          median: 2,
        },
      });
      expect(globex).toEqual({
        environment: 'tenant-globex',
        deployments: 0,
        deploysPerWeek: 0,
        failedDeployments: 0,
        changeFailureRate: null,
        incidents: 0,
        // The last deployment ever, though before the window.
        lastVersion: '0.9',
        lastDeployedAt: '2025-06-01T10:00:00.000Z',
        metric: {
          name: 'metric:page_load',
          unit: 's',
          count: 1,
          mean: 7,
          median: 7,
        },
      });
    });

    it('counts the days at either end of a window of part weeks as well as its whole weeks', async () => {
      // Wednesday 4 March to Tuesday 17 March: 4 to 8 March from the
      // measurements, the week of 9 March from its rollups, 16 and 17 again
      // from the measurements. Acme's 1.2 (4 March, caused INC-1), the
      // failed 1.3 and 1.3 (9 and 10 March) are in; 1.1 (2 March) is not.
      const response = await get(
        'from=2026-03-04&to=2026-03-17&environment=tenant-acme',
      );
      expect(response.status).toBe(200);
      expect(response.body.environments[0]).toMatchObject({
        environment: 'tenant-acme',
        deployments: 2,
        failedDeployments: 2,
        changeFailureRate: expect.closeTo(200 / 3, 6),
        lastVersion: '1.3',
      });
      const inWeek = await get(
        'from=2026-03-10&to=2026-03-12&environment=tenant-acme',
      );
      expect(inWeek.body.environments[0]).toMatchObject({
        deployments: 1,
        failedDeployments: 0,
        changeFailureRate: 0,
      });
    });

    it('answers the named environments in the order named, with zeros where nothing was reported', async () => {
      const response = await get(
        'from=2026-03-02&to=2026-03-15&environment=tenant-new&environment=staging&environment=tenant-acme',
      );
      expect(response.status).toBe(200);
      expect(
        response.body.environments.map((e: any) => [
          e.environment,
          e.deployments,
          e.lastVersion,
          e.metric,
        ]),
      ).toEqual([
        ['tenant-new', 0, null, null],
        // Staging's deployment is not a production one.
        ['staging', 0, null, null],
        ['tenant-acme', 3, '1.3', null],
      ]);
      expect(response.body.environments[0]).toEqual({
        environment: 'tenant-new',
        deployments: 0,
        deploysPerWeek: 0,
        failedDeployments: 0,
        changeFailureRate: null,
        incidents: 0,
        lastVersion: null,
        lastDeployedAt: null,
        metric: null,
      });
    });

    it('takes a single environment as well as several', async () => {
      const response = await get('environment=tenant-acme');
      expect(response.status).toBe(200);
      expect(response.body.environments).toHaveLength(1);
      expect(response.body.environments[0].lastVersion).toBe('1.3');
    });

    it('narrows the window to since', async () => {
      const response = await get(
        'to=2026-03-15&since=2026-03-09T00:00:00Z&environment=tenant-acme&metric=metric:page_load',
      );
      expect(response.status).toBe(200);
      expect(response.body.from).toBe('2026-03-09T00:00:00.000Z');
      expect(response.body.environments[0]).toMatchObject({
        deployments: 1,
        failedDeployments: 1,
        changeFailureRate: 50,
        incidents: 0,
        lastVersion: '1.3',
        metric: null,
      });
      // One deployment in 6 days and 23:59:59.999.
      expect(response.body.environments[0].deploysPerWeek).toBeCloseTo(
        1 / ((7 * 86_400_000 - 1) / (7 * 86_400_000)),
        6,
      );
    });

    it('takes since encoded, as the generated client sends it', async () => {
      const response = await get(
        'to=2026-03-15&since=2026-03-09T00%3A00%3A00Z&environment=tenant-acme',
      );
      expect(response.status).toBe(200);
      expect(response.body.from).toBe('2026-03-09T00:00:00.000Z');
      expect(response.body.environments[0].deployments).toBe(1);
    });

    it('refuses a bad query, saying what is wrong', async () => {
      const late = await get(
        'to=2026-03-15&since=2026-03-16T00:00:00Z&environment=tenant-acme',
      );
      expect(late.status).toBe(400);
      expect(late.body.error.message).toBe('since must not be after to');
      const badName = await get('environment=tenant%20acme');
      expect(badName.status).toBe(400);
      const badMetric = await get('metric=page_load');
      expect(badMetric.status).toBe(400);
    });
  },
);
