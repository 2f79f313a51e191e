import { mockServices } from '@backstage/backend-test-utils';
import { paidTenant } from '@internal/plugin-tenant-scaffolder-common/testUtils';
import request from 'supertest';
import {
  ScaffolderCall,
  startRegistryWithFakeScaffolder,
} from '../__testUtils__/fakeScaffolder';
import {
  EnvironmentsCall,
  fakeReleaseWatch,
} from '../__testUtils__/fakeReleaseWatch';
import {
  BASE,
  asScaffolder,
  asUser,
  registerTenant,
} from '../__testUtils__/registryBackend';
import { registryDatabases } from '../__testUtils__/registryDatabases';

jest.setTimeout(60_000);

const SLUGS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

const guardConfig = (healthGuard: object) =>
  mockServices.rootConfig.factory({
    data: { tenantScaffolder: { fleetUpgrades: { healthGuard } } },
  });

describe('fleet upgrades guarded by tenant health, over HTTP', () => {
  const databases = registryDatabases();

  /**
   * A registry with the fake scaffolder and a fake Release Watch in which
   * the tenants the scaffolder upgraded show `upgradedRate` errors and the
   * others 1%; five ready tenants.
   */
  async function setUp(
    databaseId: Parameters<typeof databases.init>[0],
    upgradedRate: number,
    failWith?: () => number | undefined,
  ) {
    const environmentsCalls: EnvironmentsCall[] = [];
    // What the fake scaffolder was asked to upgrade, once the backend is up.
    let scaffolderCalls: ScaffolderCall[] = [];
    const { server, calls } = await startRegistryWithFakeScaffolder(
      await databases.init(databaseId),
      [
        guardConfig({
          soak: '1s',
          metric: 'metric:error_rate',
          minSamples: 5,
        }),
        fakeReleaseWatch({
          calls: environmentsCalls,
          errorRate: environment =>
            scaffolderCalls.some(
              c =>
                c.path === 'tenant-upgrades' &&
                `tenant-${c.slug}` === environment,
            )
              ? upgradedRate
              : 1,
          failWith,
        }),
      ],
    );
    scaffolderCalls = calls;
    for (const slug of SLUGS) {
      await registerTenant(server, paidTenant(slug)).expect(201);
      await request(server)
        .post(`${BASE}/tenants/${slug}/status`)
        .set(asScaffolder())
        .send({ status: 'ready' })
        .expect(200);
    }
    return { server, environmentsCalls };
  }

  /** Polls the upgrade until `done` says so (or 20 s pass); every state seen. */
  async function follow(
    server: Parameters<typeof request>[0],
    id: number,
    done: (upgrade: any) => boolean,
  ) {
    const seen: any[] = [];
    for (let i = 0; i < 100; i++) {
      const upgrade = (
        await request(server).get(`${BASE}/fleet-upgrades/${id}`).set(asUser())
      ).body;
      seen.push(upgrade);
      if (done(upgrade)) break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    return seen;
  }

  it.each(databases.eachSupportedId())(
    'on %s: soaks the canary, asks Release Watch as a service, and pauses on a regressed error rate',
    async databaseId => {
      const { server, environmentsCalls } = await setUp(databaseId, 4.8);
      const started = await request(server)
        .post(`${BASE}/fleet-upgrades`)
        .set(asUser())
        .send({ version: '1.1.0', firstWaveSize: 2 });
      expect(started.status).toBe(201);

      const seen = await follow(
        server,
        started.body.id,
        upgrade => upgrade.status !== 'running',
      );
      const soaking = seen.find(upgrade => upgrade.soakingUntil !== null);
      expect(soaking).toMatchObject({
        status: 'running',
        currentWave: 0,
        counts: { succeeded: 1, pending: 4 },
      });
      const paused = seen[seen.length - 1];
      expect(paused).toMatchObject({
        status: 'paused',
        currentWave: 0,
        soakingUntil: null,
        counts: { succeeded: 1, pending: 4 },
        reason:
          'Health guard after the canary: error_rate median 4.8% on 1 upgraded tenant vs 1% on 4 not yet upgraded (+380%, more than 25% allowed). Resume or cancel.',
      });

      expect(environmentsCalls).toHaveLength(1);
      const [call] = environmentsCalls;
      expect(call.principal).toBe('plugin:tenant-scaffolder');
      expect(call.environments).toEqual([
        'tenant-alpha',
        'tenant-bravo',
        'tenant-charlie',
        'tenant-delta',
        'tenant-echo',
      ]);
      expect(call.query).toMatchObject({ metric: 'metric:error_rate' });
      const since = Date.parse(String(call.query.since));
      expect(since).toBeLessThanOrEqual(Date.parse(soaking.soakingUntil) - 900);
      expect(String(call.query.from)).toBe(
        new Date(since).toISOString().slice(0, 10),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'on %s: lets noise below the threshold through to the end',
    async databaseId => {
      const { server, environmentsCalls } = await setUp(databaseId, 1.1);
      const started = await request(server)
        .post(`${BASE}/fleet-upgrades`)
        .set(asUser())
        .send({ version: '1.1.0', firstWaveSize: 2 });
      const seen = await follow(
        server,
        started.body.id,
        upgrade => upgrade.status !== 'running',
      );
      expect(seen[seen.length - 1]).toMatchObject({
        status: 'completed',
        reason: null,
        counts: { succeeded: 5 },
      });
      // After the canary and wave 1; the last wave has nobody to compare with.
      expect(environmentsCalls).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'on %s: pauses when Release Watch answers an error',
    async databaseId => {
      const { server } = await setUp(databaseId, 1, () => 503);
      const started = await request(server)
        .post(`${BASE}/fleet-upgrades`)
        .set(asUser())
        .send({ version: '1.1.0' });
      const seen = await follow(
        server,
        started.body.id,
        upgrade => upgrade.status !== 'running',
      );
      const paused = seen[seen.length - 1];
      expect(paused.status).toBe('paused');
      expect(paused.reason).toMatch(
        /^Health guard after the canary: Release Watch could not be read \(.*503.*\), so the upgraded tenants' health is unknown\. Resume or cancel\.$/,
      );
    },
  );
});
