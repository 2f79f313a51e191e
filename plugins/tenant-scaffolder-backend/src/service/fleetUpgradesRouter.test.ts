import { paidTenant } from '@internal/plugin-tenant-scaffolder-common/testUtils';
import request from 'supertest';
import { startRegistryWithFakeScaffolder } from '../__testUtils__/fakeScaffolder';
import {
  BASE,
  asScaffolder,
  asUser,
  denyOnly,
  registerTenant,
} from '../__testUtils__/registryBackend';
import { registryDatabases } from '../__testUtils__/registryDatabases';

jest.setTimeout(60_000);

const FLEET = 'tenant-scaffolder.admin.fleet.upgrade';

describe('fleet upgrades over HTTP', () => {
  const databases = registryDatabases();

  it.each(databases.eachSupportedId())(
    'on %s: needs the permission, then rolls the version and reports each tenant',
    async databaseId => {
      let deny: string | undefined = FLEET;
      const { server, calls } = await startRegistryWithFakeScaffolder(
        await databases.init(databaseId),
        [denyOnly(() => deny)],
      );
      const as = asUser();
      for (const slug of ['alpha', 'broken', 'gamma']) {
        await registerTenant(server, paidTenant(slug)).expect(201);
        await request(server)
          .post(`${BASE}/tenants/${slug}/status`)
          .set(asScaffolder())
          .send({ status: 'ready' })
          .expect(200);
      }

      const refused = await request(server)
        .post(`${BASE}/fleet-upgrades`)
        .set(as)
        .send({ version: '1.1.0' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe(
        'Only portal admins may run fleet upgrades',
      );
      const invalid = await request(server)
        .post(`${BASE}/fleet-upgrades`)
        .set(as)
        .send({ version: '' });
      expect(invalid.status).toBe(403);

      deny = undefined;
      const badVersion = await request(server)
        .post(`${BASE}/fleet-upgrades`)
        .set(as)
        .send({ version: '../etc' });
      expect(badVersion.status).toBe(400);
      expect(badVersion.body.error.problems[0].field).toBe('version');

      const started = await request(server)
        .post(`${BASE}/fleet-upgrades`)
        .set(as)
        .send({ version: '1.1.0', firstWaveSize: 2, maxFailureShare: 0.5 });
      expect(started.status).toBe(201);
      expect(started.body.counts.total).toBe(3);

      let upgrade = started.body;
      for (let i = 0; i < 200 && upgrade.status === 'running'; i++) {
        await new Promise(resolve => setTimeout(resolve, 200));
        upgrade = (
          await request(server)
            .get(`${BASE}/fleet-upgrades/${started.body.id}`)
            .set(as)
        ).body;
      }
      expect(upgrade).toMatchObject({
        status: 'completed',
        counts: { succeeded: 2, failed: 1 },
      });
      expect(
        upgrade.tenants.find((t: { slug: string }) => t.slug === 'broken'),
      ).toMatchObject({
        status: 'failed',
        error: 'tenant-upgrades of broken failed: health check answered 503',
      });
      expect(
        calls.filter(c => c.path === 'tenant-upgrades').map(c => c.principal),
      ).toEqual([
        'plugin:tenant-scaffolder',
        'plugin:tenant-scaffolder',
        'plugin:tenant-scaffolder',
      ]);
      const tenant = await request(server).get(`${BASE}/tenants/gamma`).set(as);
      expect(tenant.body).toMatchObject({ version: '1.1.0', status: 'ready' });

      const list = await request(server).get(`${BASE}/fleet-upgrades`).set(as);
      expect(list.body.items).toHaveLength(1);
      const retried = await request(server)
        .post(`${BASE}/fleet-upgrades/${started.body.id}/tenants/broken/retry`)
        .set(as);
      expect(retried.status).toBe(200);
      expect(retried.body.status).toBe('pending');
      const missing = await request(server)
        .get(`${BASE}/fleet-upgrades/999`)
        .set(as);
      expect(missing.status).toBe(404);
    },
  );
});
