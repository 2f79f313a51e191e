import {
  createMockDirectory,
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { pullRequestSnapshot } from '@internal/plugin-review-envs-common/testUtils';
import request from 'supertest';
import { reviewEnvsPlugin } from './plugin';

const ADA = 'user:default/ada';
const BOB = 'user:default/bob';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
let databaseId: TestDatabaseId;

/** A backend with the plugin on a fresh database of the current kind. */
async function startPortal(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  config: Record<string, unknown> = {},
) {
  const knex = await databases.init(databaseId);
  const { server } = await startTestBackend({
    features: [
      reviewEnvsPlugin,
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory({ result: permission }),
      mockServices.scheduler.factory(),
      mockServices.rootConfig.factory({
        data: {
          reviewEnvs: { local: { workDir: createMockDirectory().path } },
          ...config,
        },
      }),
    ],
  });
  return server;
}

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
/** A CI pipeline or git host reporting pull request state. */
const asCi = () => ({
  Authorization: mockCredentials.service.header(),
});

describe.each(databases.eachSupportedId())(
  'review-envs backend: shared environment locks on %s',
  id => {
    beforeAll(() => {
      databaseId = id;
    });

    it('answers its health check without credentials, and nothing else', async () => {
      const server = await startPortal();

      expect(
        (await request(server).get('/api/review-envs/health')).status,
      ).toBe(200);
      const anonymous = await request(server)
        .get('/api/review-envs/locks')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });

    it('lets one developer claim staging, shows it held to another, and releases it', async () => {
      const server = await startPortal();

      const claim = await request(server)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(ADA))
        .send({ reason: 'Release 2.4 smoke test', durationMinutes: 30 });
      expect(claim.status).toBe(201);
      expect(claim.body).toMatchObject({
        name: 'staging',
        holder: ADA,
        fencingToken: 1,
      });

      const refused = await request(server)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(BOB))
        .send({ reason: 'hotfix' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain(ADA);
      expect(refused.body.error.message).toContain(claim.body.expiresAt);

      const seen = await request(server)
        .get('/api/review-envs/locks')
        .set(as(BOB));
      expect(seen.body.items).toEqual([
        expect.objectContaining({
          name: 'staging',
          title: 'Staging',
          holder: ADA,
          reason: 'Release 2.4 smoke test',
        }),
      ]);

      const check = await request(server)
        .get('/api/review-envs/locks/staging/check?token=1')
        .set(as(BOB));
      expect(check.body).toMatchObject({ allowed: true, holder: ADA });

      const released = await request(server)
        .post('/api/review-envs/locks/staging/release')
        .set(as(ADA))
        .send({ fencingToken: 1 });
      expect(released.status).toBe(200);
      expect(released.body.holder).toBeNull();

      const stale = await request(server)
        .get('/api/review-envs/locks/staging/check?token=1')
        .set(as(BOB));
      expect(stale.body).toMatchObject({ allowed: false, holder: null });
    });

    it('answers a claim on a held lock with the holder and expiry as data, not only in the message', async () => {
      const server = await startPortal();
      const claim = await request(server)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(ADA))
        .send({ reason: 'Release 2.4 smoke test', durationMinutes: 30 });

      const refused = await request(server)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(BOB))
        .send({ reason: 'hotfix' });

      expect(refused.status).toBe(409);
      expect(refused.body.error).toEqual({
        name: 'ConflictError',
        message: expect.stringContaining(ADA),
        lock: {
          name: 'staging',
          holder: ADA,
          reason: 'Release 2.4 smoke test',
          fencingToken: 1,
          since: expect.any(String),
          expiresAt: claim.body.expiresAt,
          queueLength: 0,
        },
      });
    });

    it('turns bad input into 400, unknown locks into 404 and stale tokens into 409', async () => {
      const server = await startPortal();

      const noReason = await request(server)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(ADA))
        .send({ durationMinutes: 10 });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toContain('reason');

      const tooLong = await request(server)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(ADA))
        .send({ reason: 'all week', durationMinutes: 10_000 });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toContain('over the limit of 480');

      const unknown = await request(server)
        .post('/api/review-envs/locks/production/claim')
        .set(as(ADA))
        .send({ reason: 'nope' });
      expect(unknown.status).toBe(404);

      await request(server)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(ADA))
        .send({ reason: 'r' });
      const stale = await request(server)
        .post('/api/review-envs/locks/staging/extend')
        .set(as(ADA))
        .send({ fencingToken: 0 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain('Stale fencing token');
    });

    it('keeps force-release for those the policy allows', async () => {
      const denied = await startPortal(AuthorizeResult.DENY);
      await request(denied)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(ADA))
        .send({ reason: 'r' });
      const refused = await request(denied)
        .post('/api/review-envs/locks/staging/force-release')
        .set(as(BOB));
      expect(refused.status).toBe(403);

      const allowed = await startPortal(AuthorizeResult.ALLOW);
      await request(allowed)
        .post('/api/review-envs/locks/staging/claim')
        .set(as(ADA))
        .send({ reason: 'r' });
      const released = await request(allowed)
        .post('/api/review-envs/locks/staging/force-release')
        .set(as(BOB));
      expect(released.status).toBe(200);
      expect(released.body.holder).toBeNull();
    });

    it('takes pull request state, lists the environment, and lets only its author or an admin tear it down', async () => {
      const server = await startPortal(AuthorizeResult.DENY);
      const pullRequest = pullRequestSnapshot({ number: 7 });

      const byUser = await request(server)
        .post('/api/review-envs/pull-requests')
        .set(as(ADA))
        .send(pullRequest);
      expect(byUser.status).toBe(403);

      const bad = await request(server)
        .post('/api/review-envs/pull-requests')
        .set(asCi())
        .send({ ...pullRequest, headSha: 'not a sha' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('headSha');

      const observed = await request(server)
        .post('/api/review-envs/pull-requests')
        .set(asCi())
        .send(pullRequest);
      expect(observed.status).toBe(202);
      expect(observed.body.environment).toMatchObject({
        id: 'acme-web-pr-7',
        state: 'pending',
        author: 'ada',
        pullRequestUrl: 'https://github.com/acme/web/pull/7',
      });

      const listed = await request(server)
        .get('/api/review-envs/environments')
        .set(as(BOB));
      expect(listed.body.items.map((env: { id: string }) => env.id)).toEqual([
        'acme-web-pr-7',
      ]);
      expect(
        (
          await request(server)
            .get('/api/review-envs/environments/nope')
            .set(as(BOB))
        ).status,
      ).toBe(404);

      const refused = await request(server)
        .delete('/api/review-envs/environments/acme-web-pr-7')
        .set(as(BOB));
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('ada');

      const accepted = await request(server)
        .delete('/api/review-envs/environments/acme-web-pr-7')
        .set(as(ADA));
      expect(accepted.status).toBe(202);
      expect(accepted.body.state).toBe('tearing-down');
    });

    it("links each environment's pull request on the GitHub integration's host", async () => {
      const server = await startPortal(AuthorizeResult.ALLOW, {
        integrations: {
          github: [
            {
              host: 'ghe.example.com',
              apiBaseUrl: 'https://ghe.example.com/api/v3',
            },
          ],
        },
      });
      const report = (repository: string) =>
        request(server)
          .post('/api/review-envs/pull-requests')
          .set(asCi())
          .send(pullRequestSnapshot({ repository, number: 3 }));

      expect((await report('acme/web')).body.environment.pullRequestUrl).toBe(
        'https://ghe.example.com/acme/web/pull/3',
      );
      // A local clone has no pull request page.
      expect(
        (await report('local/developer-portal')).body.environment
          .pullRequestUrl,
      ).toBeNull();
      const listed = await request(server)
        .get('/api/review-envs/environments')
        .set(as(ADA));
      expect(
        listed.body.items.map(
          (env: { pullRequestUrl: string | null }) => env.pullRequestUrl,
        ),
      ).toEqual(['https://ghe.example.com/acme/web/pull/3', null]);
    });
  },
);
