import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { releaseWatchPlugin } from './plugin';
import { createRouter, RouterOptions } from './service/createRouter';

/**
 * The authorization matrix of the release-watch backend, as data: the same
 * table as the "Authorization" section of the plugin's README. Every route
 * the router registers must have a row (checked below), and every row is
 * walked with every kind of caller.
 */
type Kind = 'none' | 'user' | 'service';

type Route = {
  method: 'get' | 'post';
  path: string;
  /** A request the allowed callers send; answered neither 401 nor 403. */
  url: string;
  body?: unknown;
  allow: Kind[];
};

/** A read open to every signed-in caller, user or service. */
const signedInGet = (path: string, url = path): Route => ({
  method: 'get',
  path,
  url,
  allow: ['user', 'service'],
});

const MATRIX: Route[] = [
  { method: 'get', path: '/health', url: '/health', allow: ['none'] },
  {
    method: 'post',
    path: '/events',
    url: '/events',
    body: [],
    allow: ['service'],
  },
  signedInGet('/series', '/series?metric=deployment_frequency'),
  signedInGet('/okrs'),
  signedInGet('/deployments'),
  signedInGet('/environments'),
  signedInGet('/releases'),
  signedInGet('/scopes'),
  signedInGet('/unattributed'),
  signedInGet('/summary'),
  signedInGet('/teams'),
  signedInGet('/openapi.json'),
];

/** 'none' on a row means anyone, signed in or not. */
const allows = (route: Route, kind: Kind) =>
  route.allow.includes(kind) || route.allow.includes('none');

/** Authorization headers of each kind of caller; none sends no header at all. */
const CALLERS: Record<Kind, Record<string, string>> = {
  none: {},
  user: { Authorization: mockCredentials.user.header('user:default/ada') },
  // A CI pipeline's static token (backend.auth.externalAccess). In the mocks
  // the subject is free; a real static token's subject is exactly the
  // configured `subject` (no 'external:' prefix is added for static tokens).
  service: {
    Authorization: mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('external:ci'),
      targetPluginId: 'release-watch',
    }),
  },
};

const BASE = '/api/release-watch';
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function startPortal() {
  const knex = await databases.init('SQLITE_3');
  const { server } = await startTestBackend({
    features: [
      releaseWatchPlugin,
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory(),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: { releaseWatch: { okrs: [] } } }),
      // The test backend's httpAuth treats a request without credentials as
      // a signed-in user by default; a real backend treats it as nobody.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return server;
}

function send(
  server: Awaited<ReturnType<typeof startPortal>>,
  route: Route,
  headers: Record<string, string>,
) {
  const call = request(server)
    [route.method](`${BASE}${route.url}`)
    .set(headers);
  return route.body === undefined ? call : call.send(route.body as object);
}

describe('release-watch authorization matrix', () => {
  let server: Awaited<ReturnType<typeof startPortal>>;

  beforeAll(async () => {
    server = await startPortal();
  });

  it('has a row for every route the router registers', async () => {
    const router = await createRouter({} as RouterOptions);
    // The routes of the router and of the routers it mounts (the typed one).
    const routesOf = (stack: any[]): string[] =>
      stack.flatMap(layer => {
        if (!layer.route) {
          return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
        }
        return Object.keys(layer.route.methods).map(
          method => `${method.toUpperCase()} ${layer.route.path}`,
        );
      });
    const registered = routesOf(router.stack).sort();
    expect(registered).toEqual(
      MATRIX.map(r => `${r.method.toUpperCase()} ${r.path}`).sort(),
    );
  });

  /**
   * What each caller gets. The allowed callers must get neither 401 nor 403;
   * with these well-formed requests that is a 200.
   */
  function expected(route: Route, kind: Kind): object {
    if (allows(route, kind)) {
      return { status: 200 };
    }
    if (kind === 'none') {
      return { status: 401, error: 'AuthenticationError' };
    }
    // A user token on the service-only route. Plain httpAuth with
    // allow: ['service'] answers 403 NotAllowedError "This endpoint does not
    // allow 'user' credentials"; the router answers the same status and
    // error, with a message that says why.
    return {
      status: 403,
      error: 'NotAllowedError',
      message: expect.stringContaining('Only service principals'),
    };
  }

  const cases = MATRIX.flatMap(route =>
    (Object.keys(CALLERS) as Kind[]).map(kind => ({
      route,
      kind,
      expectation: expected(route, kind),
    })),
  );

  it.each(cases)(
    '$route.method $route.path as $kind',
    async ({ route, kind, expectation }) => {
      const response = await send(server, route, CALLERS[kind]);
      expect({
        status: response.status,
        error: response.body.error?.name,
        message: response.body.error?.message,
      }).toMatchObject(expectation);
    },
  );

  it('lets no route but /health in with a cookie (limited user token) alone', async () => {
    for (const route of MATRIX) {
      const response = await send(server, route, {
        Cookie: mockCredentials.limitedUser.cookie('user:default/ada'),
      });
      expect(response.status).toBe(allows(route, 'none') ? 200 : 401);
    }
  });

  it('refuses callers before it reads their bodies', async () => {
    const malformed = (url: string, headers: Record<string, string>) =>
      request(server)
        .post(`${BASE}${url}`)
        .set(headers)
        .set('Content-Type', 'application/json')
        .send('{"events": [');
    // /health lets anyone in: a body sent there is not parsed (no 400), the
    // caller is refused as on any other unknown route.
    expect((await malformed('/health', CALLERS.none)).status).toBe(401);
    expect((await malformed('/events', CALLERS.none)).status).toBe(401);
    expect((await malformed('/events', CALLERS.user)).status).toBe(403);
    // Only the pusher's body is read.
    expect((await malformed('/events', CALLERS.service)).status).toBe(400);
  });

  it('asks for credentials on paths the matrix does not know', async () => {
    const below = await request(server).get(`${BASE}/health/deep`);
    expect(below.status).toBe(401);
    const signedIn = await request(server)
      .get(`${BASE}/nothing-here`)
      .set(CALLERS.user);
    expect(signedIn.status).toBe(404);
  });
});
