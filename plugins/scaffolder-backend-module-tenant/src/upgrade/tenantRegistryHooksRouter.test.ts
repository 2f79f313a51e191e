import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTenantRegistryHooksRouter } from './tenantRegistryHooksRouter';
import { TenantConfigRefresh } from './TenantConfigRefresh';
import { TenantUpgrade } from './TenantUpgrade';

const as = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'scaffolder',
  });

/** The two hooks under the scaffolder's API, as the tenant module mounts them. */
describe('the tenant registry hooks', () => {
  const calls: string[] = [];
  let server: any;

  beforeAll(async () => {
    const hooksOnly = createBackendPlugin({
      pluginId: 'scaffolder',
      register(env) {
        env.registerInit({
          deps: {
            httpAuth: coreServices.httpAuth,
            httpRouter: coreServices.httpRouter,
          },
          async init({ httpAuth, httpRouter }) {
            httpRouter.use(
              createTenantRegistryHooksRouter({
                httpAuth,
                upgrade: {
                  upgrade: async (slug: string, version: string) => {
                    calls.push(`upgrade ${slug} ${version}`);
                    return { version };
                  },
                } as unknown as TenantUpgrade,
                configRefresh: {
                  refresh: async (slug: string) => {
                    calls.push(`refresh ${slug}`);
                    return { written: true };
                  },
                } as unknown as TenantConfigRefresh,
              }),
            );
          },
        });
      },
    });
    ({ server } = await startTestBackend({
      features: [
        hooksOnly,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    }));
  });

  const hooks = [
    ['/api/scaffolder/tenant-upgrades/acme', { version: '2.0.0' }],
    ['/api/scaffolder/tenant-config/acme/refresh', {}],
  ] as const;

  it.each(hooks)(
    '%s: the tenant registry alone; anyone else 401 or 403',
    async (path, body) => {
      calls.length = 0;
      expect((await request(server).post(path).send(body)).status).toBe(401);
      for (const authorization of [
        mockCredentials.user.header(),
        as('plugin:scaffolder'),
        as('plugin:catalog'),
        as('release-bot'),
      ]) {
        const refused = await request(server)
          .post(path)
          .set('Authorization', authorization)
          .send(body);
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toContain(
          'only plugin:tenant-scaffolder may call this',
        );
      }
      expect(calls).toEqual([]);

      const allowed = await request(server)
        .post(path)
        .set('Authorization', as('plugin:tenant-scaffolder'))
        .send(body);
      expect(allowed.status).toBe(200);
      expect(calls).toHaveLength(1);
    },
  );
});
