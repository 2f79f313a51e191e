import {
  paidTenant,
  tenantPalette,
  tenantSettings,
} from '@internal/plugin-tenant-scaffolder-common/testUtils';
import request from 'supertest';
import { startRegistryWithFakeScaffolder } from '../__testUtils__/fakeScaffolder';
import { BASE, asUser, registerTenant } from '../__testUtils__/registryBackend';
import { registryDatabases } from '../__testUtils__/registryDatabases';

jest.setTimeout(60_000);

const as = asUser();

const settings = (primary: string) =>
  tenantSettings({ branding: { palette: { ...tenantPalette, primary } } });

describe('settings changes reach the running instance', () => {
  const databases = registryDatabases();

  it.each(databases.eachSupportedId())(
    "on %s: a change is stored, then written to the tenant's config by the scaffolder module, or says why not",
    async databaseId => {
      const { server, calls } = await startRegistryWithFakeScaffolder(
        await databases.init(databaseId),
      );
      for (const slug of ['acme', 'broken']) {
        await registerTenant(server, paidTenant(slug)).expect(201);
      }

      const applied = await request(server)
        .patch(`${BASE}/tenants/acme/settings`)
        .set(as)
        .send({ settings: settings('#ff5500') });
      expect(applied.status).toBe(200);
      expect(applied.body).toMatchObject({
        appliedToInstance: true,
        settings: { branding: { palette: { primary: '#ff5500' } } },
      });
      expect(calls).toEqual([
        {
          path: 'tenant-config',
          slug: 'acme',
          principal: 'plugin:tenant-scaffolder',
        },
      ]);

      const stored = await request(server)
        .patch(`${BASE}/tenants/broken/settings`)
        .set(as)
        .send({ settings: settings('#00aa00') });
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({
        appliedToInstance: false,
        applyProblem:
          'tenant-config of broken failed: health check answered 503',
      });
      const reread = await request(server)
        .get(`${BASE}/tenants/broken`)
        .set(as);
      expect(reread.body.settings.branding.palette.primary).toBe('#00aa00');
    },
  );
});
