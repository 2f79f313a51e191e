import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { paidTenant } from '@internal/plugin-tenant-scaffolder-common/testUtils';
import { registryDatabases } from '../__testUtils__/registryDatabases';
import { DatabaseDeploymentOutbox } from '../database/DatabaseDeploymentOutbox';
import { DatabaseFleetUpgradeStore } from '../database/DatabaseFleetUpgradeStore';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { FleetUpgradeRunner } from '../fleet/FleetUpgradeRunner';
import { FleetUpgradeService } from '../fleet/FleetUpgradeService';

jest.setTimeout(60_000);

const ADMIN = 'user:default/ada';
const databases = registryDatabases();

async function setUp(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({
    knex,
    migrations: { skip: false },
  });
  const tenants = await DatabaseTenantStore.create({ database });
  const outbox = await DatabaseDeploymentOutbox.create({ database });
  let wakes = 0;
  tenants.onDeploymentQueued(() => wakes++);
  /** What waits for Release Watch: status and version per environment. */
  const queued = async () =>
    (await outbox.read(100)).map(({ event }) => {
      if (event.kind !== 'deployment') throw new Error(event.kind);
      return `${event.environment} ${event.status} ${event.version}`;
    });
  return { knex, database, tenants, outbox, queued, wakes: () => wakes };
}

describe.each(databases.eachSupportedId())(
  'deployments the tenant store queues on %s',
  databaseId => {
    it('queues provisioning done and each version change, nothing else, each under its own id', async () => {
      const { tenants, outbox, queued, wakes } = await setUp(databaseId);
      await tenants.create(paidTenant('acme'), { actor: ADMIN });
      expect(await queued()).toEqual([]);

      await tenants.setStatus('acme', 'ready', { actor: ADMIN });
      // The same status again changes nothing and reports nothing.
      await tenants.setStatus('acme', 'ready', { actor: ADMIN });
      await tenants.setStatus('acme', 'upgrading', { actor: ADMIN });
      await tenants.setVersion('acme', '1.1.0', { actor: ADMIN });
      await tenants.setStatus('acme', 'ready', { actor: ADMIN });
      await tenants.setStatus('acme', 'upgrading', { actor: ADMIN });
      await tenants.setStatus('acme', 'ready', {
        actor: ADMIN,
        failedUpgrade: '1.2.0',
      });
      await tenants.upgradePlan('acme', { actor: ADMIN }).catch(() => {});

      expect(await queued()).toEqual([
        'tenant-acme success 1.0.0',
        'tenant-acme success 1.1.0',
        'tenant-acme failure 1.2.0',
      ]);
      const ids = (await outbox.read(100)).map(q => q.event.id);
      expect(new Set(ids).size).toBe(3);
      expect(wakes()).toBe(3);
    });

    it('queues a failed provisioning, rolled back or not, as a failure', async () => {
      const { tenants, queued } = await setUp(databaseId);
      await tenants.create(paidTenant('acme'), { actor: ADMIN });
      await tenants.create(paidTenant('globex'), { actor: ADMIN });
      await tenants.setStatus('acme', 'failed', { actor: ADMIN });
      await tenants.setStatus('globex', 'needs-cleanup', { actor: ADMIN });
      expect(await queued()).toEqual([
        'tenant-acme failure 1.0.0',
        'tenant-globex failure 1.0.0',
      ]);
    });

    it("reports a fleet upgrade's successes and failures per tenant", async () => {
      const { database, tenants, outbox, queued } = await setUp(databaseId);
      for (const slug of ['t1', 't2', 't3']) {
        await tenants.create(paidTenant(slug), { actor: ADMIN });
        await tenants.setStatus(slug, 'ready', { actor: ADMIN });
      }
      await outbox.remove((await outbox.read(100)).map(q => q.id));
      const store = await DatabaseFleetUpgradeStore.create({ database });
      const runner = new FleetUpgradeRunner(
        store,
        tenants,
        {
          upgrade: async slug => {
            if (slug === 't2') throw new Error('health check answered 503');
          },
        },
        mockServices.logger.mock(),
      );
      const service = new FleetUpgradeService(store, tenants, () => {});
      await service.start(
        { version: '2.0.0', maxFailureShare: 1, firstWaveSize: 2 },
        ADMIN,
      );
      await runner.run();

      expect((await queued()).sort()).toEqual([
        'tenant-t1 success 2.0.0',
        'tenant-t2 failure 2.0.0',
        'tenant-t3 success 2.0.0',
      ]);
    });
  },
);
