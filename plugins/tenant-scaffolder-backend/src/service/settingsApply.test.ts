import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { tenantScaffolderPlugin } from '../plugin';
import {
  fakeScaffolder,
  ScaffolderCall,
} from '../__testUtils__/fakeScaffolder';

jest.setTimeout(60_000);

const BASE = '/api/tenant-scaffolder';
const as = { Authorization: mockCredentials.user.header('user:default/ada') };
const asScaffolder = {
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:scaffolder'),
    targetPluginId: 'tenant-scaffolder',
  }),
};

const settings = (primary: string) => ({
  branding: {
    palette: { primary, secondary: '#ffffff', background: '#0d1117' },
  },
  mail: { mode: 'platform' },
  footer: { links: [] },
});

describe('settings changes reach the running instance', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "on %s: a change is stored, then written to the tenant's config by the scaffolder module, or says why not",
    async databaseId => {
      const calls: ScaffolderCall[] = [];
      const { server } = await startTestBackend({
        features: [
          tenantScaffolderPlugin,
          fakeScaffolder(calls),
          // Its own: the default scheduler is shared by the file's test backends.
          mockServices.scheduler.factory(),
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
        ],
      });
      for (const slug of ['acme', 'broken']) {
        await request(server)
          .post(`${BASE}/tenants`)
          .set(asScaffolder)
          .send({
            slug,
            name: slug,
            plan: { kind: 'paid' },
            region: 'eu-west-1',
            owner: 'group:default/sales',
            settings: settings('#1f6feb'),
          })
          .expect(201);
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
