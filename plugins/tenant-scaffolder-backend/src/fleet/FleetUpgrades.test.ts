import { TestDatabaseId, mockServices } from '@backstage/backend-test-utils';
import { planWaves } from '@internal/plugin-tenant-scaffolder-common';
import { registryDatabases } from '../__testUtils__/registryDatabases';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { DatabaseFleetUpgradeStore } from '../database/DatabaseFleetUpgradeStore';
import { FleetUpgradeRunner } from './FleetUpgradeRunner';
import { FleetUpgradeService } from './FleetUpgradeService';
import { TenantUpgrader } from './TenantUpgrader';
import { HealthGuard } from './healthGuard/HealthGuard';
import { TenantHealth } from './healthGuard/compareTenantHealth';
import { TenantHealthSource } from './healthGuard/ReleaseWatchTenantHealth';

jest.setTimeout(60_000);

const ADMIN = 'user:default/ada';

/** Upgrades by remembering; fails for the slugs it is told to, counts how many ran at once. */
class RecordingUpgrader implements TenantUpgrader {
  readonly upgraded: string[] = [];
  readonly failing = new Set<string>();
  running = 0;
  maxRunning = 0;

  async upgrade(slug: string, version: string) {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise(resolve => setTimeout(resolve, 20));
    this.running--;
    if (this.failing.has(slug)) {
      throw new Error(`${slug}: health check answered 503 for ${version}`);
    }
    this.upgraded.push(slug);
  }
}

describe('fleet upgrades', () => {
  const databases = registryDatabases();

  async function setUp(
    databaseId: TestDatabaseId,
    tenantCount: number,
    guard?: HealthGuard,
  ) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({
      knex,
      migrations: { skip: false },
    });
    const tenants = await DatabaseTenantStore.create({ database });
    const store = await DatabaseFleetUpgradeStore.create({ database });
    for (let i = 0; i < tenantCount; i++) {
      const slug = `t${String(i).padStart(3, '0')}`;
      await tenants.create(
        {
          slug,
          name: `Tenant ${i}`,
          plan:
            i === 7
              ? { kind: 'trial', endsOn: '2027-01-31' }
              : { kind: 'paid' },
          region: 'eu-west-1',
          version: '1.0.0',
          settings: {
            branding: {
              palette: {
                primary: '#000000',
                secondary: '#ffffff',
                background: '#ffffff',
              },
            },
            mail: { mode: 'platform' },
            footer: { links: [] },
          },
          owner: 'group:default/customer-success',
        },
        { actor: ADMIN },
      );
      await tenants.setStatus(slug, 'ready', { actor: ADMIN });
    }
    const upgrader = new RecordingUpgrader();
    const runner = new FleetUpgradeRunner(
      store,
      tenants,
      upgrader,
      mockServices.logger.mock(),
      guard,
    );
    let wakeUps = 0;
    const service = new FleetUpgradeService(store, tenants, () => wakeUps++);
    return {
      tenants,
      store,
      upgrader,
      runner,
      service,
      wakeUps: () => wakeUps,
    };
  }

  it('plans a canary, then waves that double up to the largest', () => {
    expect(planWaves(1, { firstWaveSize: 5, maxWaveSize: 50 })).toEqual([0]);
    const waves = planWaves(40, { firstWaveSize: 5, maxWaveSize: 12 });
    const sizes = waves.reduce<number[]>((acc, wave) => {
      acc[wave] = (acc[wave] ?? 0) + 1;
      return acc;
    }, []);
    expect(sizes).toEqual([1, 5, 10, 12, 12]);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    it('upgrades every ready tenant in waves, the trial tenant as canary, within the concurrency', async () => {
      const { tenants, upgrader, runner, service, wakeUps } = await setUp(
        databaseId,
        20,
      );

      const started = await service.start(
        { version: '1.1.0', concurrency: 3, firstWaveSize: 4 },
        ADMIN,
      );
      expect(started).toMatchObject({
        status: 'running',
        waveCount: 4,
        counts: { total: 20, pending: 20 },
      });
      expect(started.tenants[0]).toMatchObject({ slug: 't007', wave: 0 });
      expect(wakeUps()).toBe(1);

      await runner.run();

      const done = await service.get(started.id);
      expect(done).toMatchObject({
        status: 'completed',
        reason: null,
        currentWave: 3,
        counts: { total: 20, succeeded: 20, failed: 0, pending: 0 },
      });
      expect(upgrader.upgraded[0]).toBe('t007');
      expect(upgrader.maxRunning).toBeLessThanOrEqual(3);
      expect(upgrader.maxRunning).toBeGreaterThan(1);
      const tenant = await tenants.get('t003');
      expect(tenant).toMatchObject({ version: '1.1.0', status: 'ready' });
      const history = await tenants.history('t003', 10);
      expect(history.map(entry => entry.detail)).toEqual(
        expect.arrayContaining([
          'ready → upgrading: fleet upgrade 1 to 1.1.0',
          '1.0.0 → 1.1.0',
        ]),
      );
    });

    it('pauses when the canary fails, and goes on with the next wave when resumed', async () => {
      const { tenants, upgrader, runner, service } = await setUp(databaseId, 6);
      // No trial tenant among six: the canary is the first by slug.
      upgrader.failing.add('t000');

      const { id } = await service.start({ version: '2.0.0' }, ADMIN);
      await runner.run();

      const paused = await service.get(id);
      expect(paused.status).toBe('paused');
      expect(paused.reason).toContain('The canary: 1 of 1 tenant(s) failed');
      expect(paused.counts).toMatchObject({ failed: 1, pending: 5 });
      expect(paused.tenants[0]).toMatchObject({
        slug: 't000',
        status: 'failed',
        error: 't000: health check answered 503 for 2.0.0',
      });
      // Still serving its old version, and ready.
      expect(await tenants.get('t000')).toMatchObject({
        version: '1.0.0',
        status: 'ready',
      });

      await service.resume(id);
      await runner.run();
      expect(await service.get(id)).toMatchObject({
        status: 'completed',
        counts: { succeeded: 5, failed: 1 },
      });
    });

    it('lets one failure within the share pass, and retries a failed tenant alone', async () => {
      const { tenants, upgrader, runner, service } = await setUp(
        databaseId,
        11,
      );
      upgrader.failing.add('t003');

      const { id } = await service.start(
        { version: '1.2.0', firstWaveSize: 10, maxFailureShare: 0.2 },
        ADMIN,
      );
      await runner.run();
      const completed = await service.get(id);
      expect(completed.status).toBe('completed');
      expect(completed.reason).toContain('1 tenant(s) failed');
      expect(completed.counts).toMatchObject({ succeeded: 10, failed: 1 });

      upgrader.failing.clear();
      const before = upgrader.upgraded.length;
      const retried = await service.retry(id, 't003');
      expect(retried).toMatchObject({ status: 'pending', attempts: 1 });
      await runner.run();

      expect(upgrader.upgraded.slice(before)).toEqual(['t003']);
      expect(await service.get(id)).toMatchObject({
        counts: { succeeded: 11, failed: 0 },
      });
      expect(await tenants.get('t003')).toMatchObject({ version: '1.2.0' });
      await expect(service.retry(id, 't003')).rejects.toThrow(
        'only a failed tenant can be retried',
      );
    });

    it('refuses a second upgrade while one is active, and skips what is left when cancelled', async () => {
      const { runner, service, upgrader } = await setUp(databaseId, 4);
      upgrader.failing.add('t000');
      const first = await service.start({ version: '3.0.0' }, ADMIN);
      await expect(service.start({ version: '3.0.1' }, ADMIN)).rejects.toThrow(
        `Fleet upgrade ${first.id} to 3.0.0 is running`,
      );

      await runner.run();
      const cancelled = await service.cancel(first.id, ADMIN);
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        counts: { failed: 1, skipped: 3, pending: 0 },
      });
      await expect(service.resume(first.id)).rejects.toThrow(
        'only a paused one can be resumed',
      );

      const second = await service.start({ version: '3.0.1' }, ADMIN);
      expect(second.status).toBe('running');
    });

    it('refuses bad input with every field named', async () => {
      const { service } = await setUp(databaseId, 0);
      await expect(
        service.start(
          { version: '1.0; drop table', concurrency: 0, extra: true },
          ADMIN,
        ),
      ).rejects.toMatchObject({
        problems: expect.arrayContaining([
          expect.objectContaining({ field: 'version' }),
          expect.objectContaining({ field: 'concurrency' }),
        ]),
      });
      const empty = await service.start({ version: '1.0.0' }, ADMIN);
      expect(empty).toMatchObject({
        status: 'completed',
        reason: 'no ready tenant runs another version',
      });
    });

    it('runs again what a dead runner left running, once its lease ran out', async () => {
      const { store, runner, service, tenants, upgrader } = await setUp(
        databaseId,
        2,
      );
      const { id } = await service.start({ version: '4.0.0' }, ADMIN);
      // t000 (the canary) by a runner that died at once; t001 by a live one.
      expect(await store.claim(id, 't000', 0)).toBe(true);
      await tenants.setStatus('t000', 'upgrading', { actor: ADMIN });
      await store.transition(id, ['running'], 'running', { currentWave: 1 });
      expect(await store.claim(id, 't001', 60_000)).toBe(true);

      expect(await store.requeueInterrupted()).toBe(1);
      await store.finishTenant(id, 't001', {});
      await runner.run();

      expect(upgrader.upgraded).toEqual(['t000']);
      expect(await service.get(id)).toMatchObject({
        status: 'completed',
        tenants: expect.arrayContaining([
          expect.objectContaining({
            slug: 't000',
            status: 'succeeded',
            attempts: 2,
          }),
          expect.objectContaining({
            slug: 't001',
            status: 'succeeded',
            attempts: 1,
          }),
        ]),
      });
    });

    it('upgrades each tenant once, within the concurrency, when two replicas run the same upgrade', async () => {
      const { store, runner, service, tenants, upgrader } = await setUp(
        databaseId,
        12,
      );
      const other = new FleetUpgradeRunner(
        store,
        tenants,
        upgrader,
        mockServices.logger.mock(),
      );
      const { id, waveCount } = await service.start(
        { version: '5.0.0', concurrency: 3 },
        ADMIN,
      );

      await Promise.all([runner.run(), other.run(), runner.run()]);

      expect([...upgrader.upgraded].sort()).toEqual(
        Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(3, '0')}`),
      );
      const done = await service.get(id);
      expect(done).toMatchObject({
        status: 'completed',
        currentWave: waveCount - 1,
      });
      expect(done!.tenants.every(t => t.attempts === 1)).toBe(true);
      // The upgrade's concurrency holds across both runners, which did
      // run side by side.
      expect(upgrader.maxRunning).toBeLessThanOrEqual(3);
      expect(upgrader.maxRunning).toBeGreaterThan(1);
    });
  });

  /**
   * Release Watch as the guard sees it: each tenant's error rate decided by
   * the version the registry says it runs (`bad` → 5%, else 1%), `samples`
   * samples each; `failing` makes every read fail.
   */
  class FakeHealth implements TenantHealthSource {
    readonly reads: Array<{ slugs: string[]; since: Date; metric?: string }> =
      [];
    failing = false;
    samples = 12;
    bad = '';
    goodRate = 1;
    badRate = 5;
    tenants?: DatabaseTenantStore;

    async read(slugs: string[], since: Date, metric?: string) {
      this.reads.push({ slugs, since, metric });
      if (this.failing) throw new Error('connect ECONNREFUSED');
      return Promise.all(
        slugs.map(async (slug): Promise<TenantHealth> => {
          const version = (await this.tenants!.get(slug))?.version;
          return {
            incidents: 0,
            failedDeployments: 0,
            metric: {
              unit: '%',
              count: this.samples,
              median: version === this.bad ? this.badRate : this.goodRate,
            },
          };
        }),
      );
    }
  }

  const guardOptions = {
    soakMs: 0,
    metric: 'metric:error_rate',
    metricWorseWhen: 'higher' as const,
    maxMetricRegression: 0.25,
    minSamples: 10,
    maxIncidentRegression: 0.5,
    maxChangeFailureRegression: 0.5,
  };

  async function setUpGuarded(
    databaseId: TestDatabaseId,
    tenantCount: number,
    soakMs = 0,
  ) {
    const health = new FakeHealth();
    const fleet = await setUp(
      databaseId,
      tenantCount,
      new HealthGuard({ ...guardOptions, soakMs }, health),
    );
    health.tenants = fleet.tenants;
    return { ...fleet, health };
  }

  describe.each(databases.eachSupportedId())(
    'with the health guard, on %s',
    databaseId => {
      it('soaks the canary, then pauses when its error rate regressed, naming the figures', async () => {
        const { runner, service, health, tenants } = await setUpGuarded(
          databaseId,
          10,
          600,
        );
        health.bad = '2.0.0';
        let triggered = 0;
        runner.triggerWith(() => triggered++);
        const { id } = await service.start(
          { version: '2.0.0', firstWaveSize: 3 },
          ADMIN,
        );

        await runner.run();
        // The canary is upgraded and soaking: nothing judged yet.
        const soaking = await service.get(id);
        expect(soaking).toMatchObject({
          status: 'running',
          currentWave: 0,
          counts: { succeeded: 1, pending: 9 },
        });
        expect(soaking.soakingUntil).not.toBeNull();
        expect(health.reads).toHaveLength(0);
        // A second run (another replica, a restart) does not start it again.
        await runner.run();
        expect((await service.get(id)).soakingUntil).toBe(soaking.soakingUntil);

        // The soak's end wakes the runner.
        await new Promise(resolve => setTimeout(resolve, 1000));
        expect(triggered).toBe(1);
        await runner.run();

        const paused = await service.get(id);
        expect(paused).toMatchObject({
          status: 'paused',
          currentWave: 0,
          soakingUntil: null,
          counts: { succeeded: 1, pending: 9 },
          reason:
            'Health guard after the canary: error_rate median 5% on 1 upgraded tenant vs 1% on 9 not yet upgraded (+400%, more than 25% allowed). Resume or cancel.',
        });
        expect(health.reads).toHaveLength(1);
        const [read] = health.reads;
        expect(read.metric).toBe('metric:error_rate');
        expect(read.slugs[0]).toBe('t007');
        expect(read.slugs.slice(1).sort()).toEqual([
          't000',
          't001',
          't002',
          't003',
          't004',
          't005',
          't006',
          't008',
          't009',
        ]);
        // The window starts when the canary's wave finished, before the soak's end.
        expect(read.since.getTime()).toBeLessThan(
          Date.parse(soaking.soakingUntil!),
        );
        expect(await tenants.get('t000')).toMatchObject({ version: '1.0.0' });

        // Resuming overrides the guard: the next wave runs.
        await service.resume(id);
        await runner.run();
        expect(await service.get(id)).toMatchObject({
          status: 'running',
          currentWave: 1,
          counts: { succeeded: 4 },
        });
      });

      it('goes on past noise below the threshold, and does not soak the last wave', async () => {
        const { runner, service, health } = await setUpGuarded(databaseId, 9);
        health.bad = '2.1.0';
        health.badRate = 1.2; // +20%: within 25%
        const { id, waveCount } = await service.start(
          { version: '2.1.0', firstWaveSize: 2 },
          ADMIN,
        );
        expect(waveCount).toBe(4);

        await runner.run();

        expect(await service.get(id)).toMatchObject({
          status: 'completed',
          reason: null,
          soakingUntil: null,
          counts: { succeeded: 9 },
        });
        // After the canary, wave 1 and wave 2; nobody is left after the last.
        expect(health.reads.map(r => r.slugs.length)).toEqual([9, 9, 9]);
      });

      it('does not pause on a regression with fewer samples than it needs', async () => {
        const { runner, service, health } = await setUpGuarded(databaseId, 4);
        health.bad = '2.2.0';
        health.samples = 3;
        const { id } = await service.start({ version: '2.2.0' }, ADMIN);
        await runner.run();
        expect(await service.get(id)).toMatchObject({ status: 'completed' });
        expect(health.reads).toHaveLength(1);
      });

      it('pauses, failing safe, when Release Watch cannot be read', async () => {
        const { runner, service, health } = await setUpGuarded(databaseId, 4);
        health.failing = true;
        const { id } = await service.start({ version: '2.3.0' }, ADMIN);
        await runner.run();
        const paused = await service.get(id);
        expect(paused.status).toBe('paused');
        expect(paused.reason).toBe(
          "Health guard after the canary: Release Watch could not be read (connect ECONNREFUSED), so the upgraded tenants' health is unknown. Resume or cancel.",
        );
      });

      it('closes a soaked wave once when two replicas judge it, and runs no later wave', async () => {
        const { runner, service, health, store, tenants, upgrader } =
          await setUpGuarded(databaseId, 12);
        health.bad = '2.4.0';
        const other = new FleetUpgradeRunner(
          store,
          tenants,
          upgrader,
          mockServices.logger.mock(),
          new HealthGuard(guardOptions, health),
        );
        const { id } = await service.start({ version: '2.4.0' }, ADMIN);
        await Promise.all([runner.run(), other.run()]);
        const paused = await service.get(id);
        expect(paused).toMatchObject({
          status: 'paused',
          currentWave: 0,
          counts: { succeeded: 1, pending: 11 },
        });
        expect(upgrader.upgraded).toHaveLength(1);
      });
    },
  );
});
