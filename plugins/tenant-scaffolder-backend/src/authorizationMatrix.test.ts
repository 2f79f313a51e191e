import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { tenantScaffolderPlugin } from './plugin';
import { createRouter } from './service/createRouter';

jest.setTimeout(60_000);

/**
 * Who may call each route: `anyone` (no credentials), `reader` (any
 * signed-in user or backend service), `person` (a signed-in user, and the
 * permission if one is named) or `provisioner` (the scaffolder's service
 * identity alone, whatever the permission policy says). The README's
 * authorization table says the same.
 */
type Rule =
  | { who: 'anyone' | 'reader' | 'provisioner' }
  | { who: 'person'; permission?: string };

const UPDATE = 'tenant-scaffolder.tenant.update';
const DELETE = 'tenant-scaffolder.admin.tenant.delete';
const FLEET = 'tenant-scaffolder.admin.fleet.upgrade';

const MATRIX: Array<[method: string, path: string, rule: Rule]> = [
  ['get', '/health', { who: 'anyone' }],
  ['get', '/openapi.json', { who: 'reader' }],
  ['get', '/tenants', { who: 'reader' }],
  ['post', '/tenants', { who: 'provisioner' }],
  ['get', '/tenants/:slug', { who: 'reader' }],
  ['patch', '/tenants/:slug/settings', { who: 'person', permission: UPDATE }],
  ['post', '/tenants/:slug/upgrade', { who: 'person', permission: UPDATE }],
  ['delete', '/tenants/:slug', { who: 'person', permission: DELETE }],
  ['post', '/tenants/:slug/status', { who: 'provisioner' }],
  ['get', '/tenants/:slug/history', { who: 'reader' }],
  ['get', '/tenants/:slug/ledger', { who: 'reader' }],
  ['post', '/tenants/:slug/ledger', { who: 'provisioner' }],
  ['post', '/tenants/:slug/ledger/:id/removed', { who: 'provisioner' }],
  ['post', '/tenants/:slug/ledger/:id/refused', { who: 'provisioner' }],
  ['get', '/slugs/:slug', { who: 'reader' }],
  ['get', '/fleet-upgrades', { who: 'reader' }],
  ['post', '/fleet-upgrades', { who: 'person', permission: FLEET }],
  ['get', '/fleet-upgrades/:id', { who: 'reader' }],
  ['post', '/fleet-upgrades/:id/resume', { who: 'person', permission: FLEET }],
  ['post', '/fleet-upgrades/:id/cancel', { who: 'person', permission: FLEET }],
  [
    'post',
    '/fleet-upgrades/:id/tenants/:slug/retry',
    { who: 'person', permission: FLEET },
  ],
];

const callers = {
  user: mockCredentials.user.header('user:default/mallory'),
  scaffolder: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:scaffolder'),
    targetPluginId: 'tenant-scaffolder',
  }),
  // Another plugin, and a CI pipeline's static token.
  catalog: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:catalog'),
    targetPluginId: 'tenant-scaffolder',
  }),
  pipeline: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('release-bot'),
    targetPluginId: 'tenant-scaffolder',
  }),
};
type Caller = keyof typeof callers | 'nobody';

function allowed(rule: Rule, caller: Caller): boolean {
  switch (rule.who) {
    case 'anyone':
      return true;
    case 'reader':
      return caller !== 'nobody';
    case 'person':
      return caller === 'user';
    case 'provisioner':
      return caller === 'scaffolder';
    default:
      return false;
  }
}

const concrete = (path: string) =>
  path.replace(':slug', 'acme').replace(':id', '1');

describe('tenant-scaffolder authorization matrix', () => {
  let server: any;
  let denyAll = false;

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        tenantScaffolderPlugin,
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({
              result: denyAll ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
            })),
        }).factory,
        // Without this the test backend treats a request with no
        // Authorization header as a signed-in user.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    }));
  });

  const call = (method: string, path: string, authorization?: string) => {
    const test = (request(server) as any)[method](
      `/api/tenant-scaffolder${concrete(path)}`,
    );
    if (authorization) test.set('Authorization', authorization);
    return method === 'get' || method === 'delete' ? test : test.send({});
  };

  /** What a status says of the authorization decision. */
  const outcome = (status: number) =>
    ({ 401: 'unauthenticated', 403: 'refused' }[status] ?? 'served');

  describe.each(MATRIX)('%s %s', (method, path, rule) => {
    it('answers 401 without credentials unless anyone may call it', async () => {
      const response = await call(method, path);
      expect(outcome(response.status)).toBe(
        rule.who === 'anyone' ? 'served' : 'unauthenticated',
      );
    });

    it.each(Object.keys(callers) as Array<keyof typeof callers>)(
      'as %s: 403 unless the matrix allows it',
      async caller => {
        const response = await call(method, path, callers[caller]);
        expect(outcome(response.status)).toBe(
          allowed(rule, caller) ? 'served' : 'refused',
        );
      },
    );

    it('as a user whom the policy refuses every permission: 403 where a permission is named', async () => {
      denyAll = true;
      try {
        const response = await call(method, path, callers.user);
        const guarded = rule.who === 'person' && Boolean(rule.permission);
        expect(outcome(response.status)).toBe(
          guarded || !allowed(rule, 'user') ? 'refused' : 'served',
        );
      } finally {
        denyAll = false;
      }
    });
  });

  it('tells a user why a provisioning route refuses them', async () => {
    const response = await call('post', '/tenants/:slug/ledger', callers.user);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'Only tenant provisioning writes the registry: only plugin:scaffolder may call this, not a user',
    );
  });

  it('lists every route the routers serve', async () => {
    const options = {
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
    };
    // The API's one router, and the routers it holds: the typed router
    // behind its caller gate binds the routes.
    const nested = (router: any): express.Router[] => [
      router,
      ...router.stack.flatMap((layer: any) =>
        layer.handle?.stack ? nested(layer.handle) : [],
      ),
    ];
    const routers = nested(
      createRouter({
        ...options,
        tenants: {} as any,
        fleetUpgradeStore: {} as any,
        fleetUpgrades: {} as any,
        applySettings: async () => false,
      }),
    );
    const served = routers.flatMap(router =>
      (router as express.Router).stack
        .filter(layer => layer.route)
        .flatMap(layer =>
          Object.keys((layer.route as any).methods).map(
            method => `${method} ${layer.route!.path}`,
          ),
        ),
    );
    expect(served.sort()).toEqual(
      MATRIX.filter(([, path]) => path !== '/health')
        .map(([method, path]) => `${method} ${path}`)
        .sort(),
    );
  });
});
