import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  reviewEnvsLockForceReleasePermission,
  reviewEnvsSeedPermission,
  reviewEnvsTeardownAnyPermission,
} from '@internal/plugin-review-envs-common';
import { pullRequestSnapshot } from '@internal/plugin-review-envs-common/testUtils';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { reviewEnvsPlugin } from './plugin';

jest.setTimeout(60_000);

/**
 * The README's "Authorization" table as data. `who`:
 * - `anyone`: no credentials needed;
 * - `user, service`: a signed-in user or any service token;
 * - `user`: a signed-in user only (a service token gets 403, as the
 *   permission framework would allow it everything);
 * - `service`: any service token; a user gets 403;
 * - `external service`: a token of backend.auth.externalAccess only (a CI
 *   pipeline); a user and a backend plugin (`plugin:<id>`) get 403.
 * - `user, external service`: a signed-in user or a CI pipeline's token; a
 *   backend plugin gets 403.
 * `permission`: asked of the policy for the right caller; denied: 403.
 *
 * Backstage's `httpAuth.credentials(req, { allow })` answers a valid token of
 * a kind not in `allow` with 403 (NotAllowedError "This endpoint does not
 * allow 'user' credentials"), not 401, in @backstage/backend-defaults as in
 * the test mock; only missing or invalid credentials answer 401. The routes
 * here check kinds by their operation's `x-callers` (src/schema/openapi.yaml),
 * whose `x-refusal` also says why.
 */
type Who =
  | 'anyone'
  | 'user, service'
  | 'user'
  | 'service'
  | 'external service'
  | 'user, external service';
type Route = {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  who: Who;
  permission?: string;
  /** What a refusal of the caller's kind says (Backstage's own routes say nothing). */
  refusal?: RegExp;
  /** A request the right caller may make; no 401/403 whatever the state. */
  url?: string;
  body?: object;
};

const ENV = 'acme-web-pr-7';
const PULL_REQUEST = pullRequestSnapshot({ number: 7 });

/** A route any signed-in caller, user or service, may call. */
const signedIn = (
  method: Route['method'],
  path: string,
  sample: Pick<Route, 'url' | 'body'> = {},
): Route => ({ method, path, who: 'user, service', ...sample });

const MATRIX: Route[] = [
  { method: 'GET', path: '/health', who: 'anyone' },
  // The typed router serves src/schema/openapi.yaml as JSON.
  signedIn('GET', '/openapi.json'),
  signedIn('GET', '/locks'),
  signedIn('GET', '/locks/:name'),
  signedIn('GET', '/locks/:name/history'),
  signedIn('GET', '/locks/:name/check', {
    url: '/locks/staging/check?token=1',
  }),
  signedIn('POST', '/locks/:name/claim', {
    body: { reason: 'deploy', durationMinutes: 5 },
  }),
  // Fencing token 0 is never current: 409, never "not the holder" (403).
  signedIn('POST', '/locks/:name/extend', { body: { fencingToken: 0 } }),
  signedIn('POST', '/locks/:name/release', { body: { fencingToken: 0 } }),
  signedIn('POST', '/locks/:name/queue', { body: { reason: 'next deploy' } }),
  signedIn('DELETE', '/locks/:name/queue'),
  {
    method: 'POST',
    path: '/locks/:name/force-release',
    who: 'user',
    permission: reviewEnvsLockForceReleasePermission.name,
  },
  signedIn('GET', '/environments'),
  signedIn('GET', '/environments/:id'),
  signedIn('GET', '/environments/:id/history'),
  signedIn('GET', '/environments/:id/logs'),
  {
    method: 'POST',
    path: '/environments/:id/extend',
    who: 'user',
    body: { hours: 1 },
  },
  { method: 'POST', path: '/environments/:id/redeploy', who: 'user' },
  // Its author needs no permission (below); anyone else needs this one.
  {
    method: 'DELETE',
    path: '/environments/:id',
    who: 'user',
    permission: reviewEnvsTeardownAnyPermission.name,
  },
  // The policy decides on the environment: the portal's gives it to the
  // pull request's author and admins (a condition on the environment).
  {
    method: 'POST',
    path: '/environments/:id/seed',
    who: 'user, external service',
    permission: reviewEnvsSeedPermission.name,
    body: { tenant: 'acme' },
  },
  signedIn('GET', '/environments/:id/seeds'),
  {
    method: 'POST',
    path: '/pull-requests',
    who: 'external service',
    body: PULL_REQUEST,
  },
  // Mounted by Backstage's permissions registry on every plugin.
  signedIn('GET', '/.well-known/backstage/permissions/metadata'),
  {
    method: 'POST',
    path: '/.well-known/backstage/permissions/apply-conditions',
    who: 'service',
    body: { items: [] },
    refusal: /^$/,
  },
];

/** Callers by name, as their Authorization headers. */
const CALLERS = {
  /** A signed-in user, not the pull request's author. */
  user: mockCredentials.user.header('user:default/bob'),
  /** A CI pipeline's token of backend.auth.externalAccess. */
  ci: serviceHeader('external:ci'),
  /** Another backend plugin's own identity. */
  plugin: serviceHeader('plugin:catalog'),
};
type Caller = keyof typeof CALLERS;

function serviceHeader(subject: string) {
  return mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'review-envs',
  });
}

/** The callers a route lets through, and those of a kind it refuses (403). */
function callersOf(who: Who): { right: Caller[]; wrongKind: Caller[] } {
  switch (who) {
    case 'anyone':
      return { right: ['user', 'ci'], wrongKind: [] };
    case 'user, service':
      return { right: ['user', 'ci', 'plugin'], wrongKind: [] };
    case 'user':
      return { right: ['user'], wrongKind: ['ci', 'plugin'] };
    case 'service':
      return { right: ['ci', 'plugin'], wrongKind: ['user'] };
    case 'external service':
      return { right: ['ci'], wrongKind: ['user', 'plugin'] };
    case 'user, external service':
      return { right: ['user', 'ci'], wrongKind: ['plugin'] };
    default:
      throw new Error(`unknown caller kind ${who}`);
  }
}

type Features = NonNullable<Parameters<typeof startTestBackend>[0]['features']>;
const features = (extra: Features) => [
  reviewEnvsPlugin,
  mockServices.scheduler.factory(),
  mockServices.rootConfig.factory({
    data: { reviewEnvs: { local: { workDir: createMockDirectory().path } } },
  }),
  ...extra,
];

let decision: AuthorizeResult.ALLOW | AuthorizeResult.DENY =
  AuthorizeResult.ALLOW;
const permissions = mockServices.permissions.mock({
  authorize: async requests => requests.map(() => ({ result: decision })),
});

let server: Parameters<typeof request>[0];

beforeAll(async () => {
  const backend = await startTestBackend({
    features: features([
      permissions.factory,
      // As in production: a request without a token has no credentials (the
      // test default would make it a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ]),
  });
  server = backend.server;
  // An environment of ada's pull request, for the /environments/:id routes.
  const reported = await request(server)
    .post('/api/review-envs/pull-requests')
    .set('Authorization', CALLERS.ci)
    .send(PULL_REQUEST);
  if (reported.status !== 202) {
    throw new Error(`reporting the pull request answered ${reported.status}`);
  }
});

beforeEach(() => {
  decision = AuthorizeResult.ALLOW;
  permissions.authorize.mockClear();
});

function call(route: Route, authorization?: string) {
  const url = `/api/review-envs${(route.url ?? route.path)
    .replace(':name', 'staging')
    .replace(':id', ENV)}`;
  const method = route.method.toLowerCase() as 'get' | 'post' | 'delete';
  const req = request(server)[method](url);
  if (authorization) req.set('Authorization', authorization);
  return route.body ? req.send(route.body) : req;
}

/** The route's status for each caller, by name. */
async function statuses(route: Route, callers: Caller[]) {
  const result: Record<string, number> = {};
  for (const caller of callers) {
    result[caller] = (await call(route, CALLERS[caller])).status;
  }
  return result;
}

/** 401 and 403 as they are; any other answer is "through" the auth checks. */
function outcomes(answers: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(answers).map(([caller, status]) => [
      caller,
      status === 401 || status === 403 ? status : 'through',
    ]),
  );
}

const each = (callers: Caller[], value: number | 'through') =>
  Object.fromEntries(callers.map(caller => [caller, value]));

/** Which permissions the routes asked the policy, by name. */
function askedPermissions(): string[] {
  return permissions.authorize.mock.calls.flatMap(([requests]) =>
    requests.map(r => r.permission.name),
  );
}

const named = (routes: Route[]) =>
  routes.map(route => [`${route.method} ${route.path}`, route] as const);

describe.each(named(MATRIX))('%s', (_name, route) => {
  const { right } = callersOf(route.who);
  const open = route.who === 'anyone';

  it(`answers ${open ? 200 : 401} without valid credentials`, async () => {
    const anonymous = await call(route);
    const invalid = await call(route, mockCredentials.user.invalidHeader());
    expect({ anonymous: anonymous.status, invalid: invalid.status }).toEqual(
      open
        ? // An open route does not look at the token at all.
          { anonymous: 200, invalid: 200 }
        : { anonymous: 401, invalid: 401 },
    );
  });

  it(`lets ${right.join(', ')} through when allowed`, async () => {
    const answers = await statuses(route, right);
    expect(outcomes(answers)).toEqual(each(right, 'through'));
    // Through the checks, and into the route's own answers (400, 404, 409).
    expect(
      Object.entries(answers).filter(([, status]) => status >= 500),
    ).toEqual([]);
  });

  it(`answers ${
    route.permission ? 403 : 'as allowed'
  } when the policy denies everything`, async () => {
    decision = AuthorizeResult.DENY;
    expect(outcomes(await statuses(route, right))).toEqual(
      each(right, route.permission ? 403 : 'through'),
    );
    expect([...new Set(askedPermissions())]).toEqual(
      route.permission ? [route.permission] : [],
    );
  });
});

describe.each(
  named(MATRIX.filter(route => callersOf(route.who).wrongKind.length > 0)),
)('%s', (_name, route) => {
  const { wrongKind } = callersOf(route.who);

  it(`answers 403 to ${wrongKind.join(
    ' and ',
  )}, before asking the policy`, async () => {
    for (const caller of wrongKind) {
      const refused = await call(route, CALLERS[caller]);
      expect({ caller, status: refused.status }).toEqual({
        caller,
        status: 403,
      });
      expect(refused.body.error.name).toBe('NotAllowedError');
      expect(refused.body.error.message).toMatch(
        route.refusal ?? /^.+: only .* may (do|call) this, not /,
      );
    }
    expect(askedPermissions()).toEqual([]);
  });
});

it("lets a pull request's author tear down its environment without the permission, but not a namesake in another namespace", async () => {
  decision = AuthorizeResult.DENY;
  const teardown = MATRIX.find(
    route => route.method === 'DELETE' && route.path === '/environments/:id',
  )!;

  const namesake = await call(
    teardown,
    mockCredentials.user.header('user:contractors/ada'),
  );
  expect(namesake.status).toBe(403);
  expect(namesake.body.error.message).toContain("the pull request's author");

  const author = await call(
    teardown,
    mockCredentials.user.header('user:default/ada'),
  );
  expect(author.status).toBe(202);
});

it('lists every route of the plugin, and only those, in the matrix', async () => {
  const httpRouter = mockServices.httpRouter.mock();
  await startTestBackend({ features: features([httpRouter.factory]) });

  const routes = httpRouter.use.mock.calls.flatMap(([handler]) =>
    routesOf(handler),
  );
  expect(routes.sort()).toEqual(
    MATRIX.map(route => `${route.method} ${route.path}`).sort(),
  );
  // Exactly the routes the matrix calls "anyone" are open without credentials.
  expect(
    httpRouter.addAuthPolicy.mock.calls
      .filter(([policy]) => policy.allow === 'unauthenticated')
      .map(([policy]) => policy.path)
      .sort(),
  ).toEqual(
    MATRIX.filter(route => route.who === 'anyone')
      .map(route => route.path)
      .sort(),
  );
});

it('is the table of the README', async () => {
  const readme = await readFile(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Authorization\n'));
  const rows = [
    ...section.matchAll(
      /^\| (GET|POST|DELETE) +\| `([^`]+)` +\|[^|]+\|([^|]+)\|$/gm,
    ),
  ].map(([, method, path, permission]) => ({
    route: `${method} ${path}`,
    permission: permission.match(/`(review-envs\.[\w.-]+)`/)?.[1],
  }));
  expect(rows).toEqual(
    MATRIX.map(route => ({
      route: `${route.method} ${route.path}`,
      permission: route.permission,
    })),
  );
});

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
};

/** `METHOD /path` of each route of an express router, nested routers included. */
function routesOf(handler: unknown): string[] {
  const stack = (handler as { stack?: Layer[] }).stack ?? [];
  return stack.flatMap(layer => {
    if (layer.route) {
      const { path, methods } = layer.route;
      return Object.keys(methods).map(
        method => `${method.toUpperCase()} ${path}`,
      );
    }
    return layer.handle?.stack ? routesOf(layer.handle) : [];
  });
}
