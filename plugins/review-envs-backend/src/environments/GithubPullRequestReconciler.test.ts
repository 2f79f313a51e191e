import {
  createMockDirectory,
  mockServices,
  registerMswTestHooks,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { LocalProcessDeployTarget } from '@internal/backend-deploy-targets';
import { Octokit } from '@octokit/rest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DatabaseEnvironmentStore } from '../database/DatabaseEnvironmentStore';
import { GithubPullRequestReconciler } from './GithubPullRequestReconciler';
import { ReviewEnvironments } from './ReviewEnvironments';

const API = 'https://api.github.com';

function githubPullRequest(
  number: number,
  state: 'open' | 'closed',
  labels: string[],
  updatedAt = '2026-11-22T10:00:00Z',
) {
  return {
    number,
    title: `Change ${number}`,
    state,
    updated_at: updatedAt,
    head: {
      ref: `change-${number}`,
      sha: String(number).repeat(40).slice(0, 40),
    },
    base: { ref: 'main' },
    user: { login: 'ada' },
    labels: labels.map(name => ({ name })),
  };
}

describe('GithubPullRequestReconciler', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const directory = createMockDirectory();

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const store = await DatabaseEnvironmentStore.create({
      database: mockServices.database({
        knex: await databases.init(databaseId),
      }),
    });
    const environments = new ReviewEnvironments({
      store,
      target: new LocalProcessDeployTarget({
        workDir: directory.path,
        command: 'true',
      }),
      config: {
        reviewLabel: 'review',
        keepLabel: 'keep',
        ttlMs: 3_600_000,
        maxExtendMs: 3_600_000,
        local: {
          workDir: directory.path,
          command: 'true',
          healthPath: '/',
          healthTimeoutMs: 1000,
          repositories: new Map(),
        },
      },
      logger: mockServices.logger.mock(),
    });
    const logger = mockServices.logger.mock();
    const onOpenPullRequest = jest.fn(async () => {});
    const reconciler = new GithubPullRequestReconciler({
      repositories: ['acme/web', 'acme/api'],
      environments,
      octokitFor: async () =>
        new Octokit({
          auth: 'test-token',
          baseUrl: API,
          request: { retries: 0 },
        }),
      logger,
      onOpenPullRequest,
    });
    return { environments, reconciler, logger, onOpenPullRequest };
  }

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    it('repairs what lost webhooks missed: a labelled PR gets its environment, a closed one loses it', async () => {
      const { environments, reconciler, logger, onOpenPullRequest } =
        await setUp(databaseId);
      // An environment whose PR was closed while the portal heard nothing.
      await environments.observePullRequest(
        {
          ...snapshotOf(githubPullRequest(2, 'open', ['review'])),
          repository: 'acme/web',
        },
        'github:webhook',
      );
      server.use(
        http.get(`${API}/repos/acme/web/pulls`, ({ request }) => {
          expect(new URL(request.url).searchParams.get('state')).toBe('open');
          expect(request.headers.get('authorization')).toBe('token test-token');
          return HttpResponse.json([
            githubPullRequest(1, 'open', ['review']),
            githubPullRequest(3, 'open', ['bug']),
          ]);
        }),
        http.get(`${API}/repos/acme/web/pulls/2`, () =>
          HttpResponse.json(githubPullRequest(2, 'closed', ['review'])),
        ),
        // One repository failing does not stop the others.
        http.get(`${API}/repos/acme/api/pulls`, () =>
          HttpResponse.json({ message: 'Server Error' }, { status: 502 }),
        ),
      );

      await reconciler.reconcile();

      const byId = new Map(
        (await environments.list()).map(env => [env.id, env]),
      );
      expect(byId.get('acme-web-pr-1')).toMatchObject({ state: 'pending' });
      expect(byId.has('acme-web-pr-3')).toBe(false);
      expect(byId.get('acme-web-pr-2')).toMatchObject({
        state: 'gone',
        stateReason: 'the pull request was closed',
      });
      expect((await environments.history('acme-web-pr-1'))[0].actor).toBe(
        'github:reconciler',
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('acme/api'),
      );
      expect(onOpenPullRequest.mock.calls).toEqual([
        [expect.objectContaining({ number: 1, baseBranch: 'main' })],
        [expect.objectContaining({ number: 3, baseBranch: 'main' })],
      ]);
    });

    it('applies the current state after webhooks, and skips a listing older than a webhook applied', async () => {
      const { environments, reconciler } = await setUp(databaseId);
      // Labelled and unlabelled; the webhook of labelling it again was lost.
      await environments.observePullRequest(
        snapshotOf(githubPullRequest(4, 'open', ['review'], at(1))),
        'github:webhook',
      );
      await environments.observePullRequest(
        snapshotOf(githubPullRequest(4, 'open', [], at(2))),
        'github:webhook',
      );
      // Labelled while the reconciliation listed pull requests; its webhook
      // was applied before the listing's (older) state of the same pull request.
      await environments.observePullRequest(
        snapshotOf(githubPullRequest(5, 'open', ['review'], at(6))),
        'github:webhook',
      );
      server.use(
        http.get(`${API}/repos/acme/web/pulls`, () =>
          HttpResponse.json([
            githubPullRequest(4, 'open', ['review'], at(3)),
            githubPullRequest(5, 'open', [], at(5)),
          ]),
        ),
        http.get(`${API}/repos/acme/api/pulls`, () => HttpResponse.json([])),
      );

      await reconciler.reconcile();

      expect(await environments.get('acme-web-pr-4')).toMatchObject({
        state: 'pending',
        stateReason: 'labelled for review again by ada',
      });
      expect(await environments.get('acme-web-pr-5')).toMatchObject({
        state: 'pending',
      });
    });
  });
});

function at(minute: number) {
  return `2026-11-22T10:${String(minute).padStart(2, '0')}:00Z`;
}

function snapshotOf(pr: ReturnType<typeof githubPullRequest>) {
  return {
    repository: 'acme/web',
    number: pr.number,
    title: pr.title,
    branch: pr.head.ref,
    headSha: pr.head.sha,
    author: pr.user.login,
    open: pr.state === 'open',
    labels: pr.labels.map(label => label.name),
    updatedAt: pr.updated_at,
  };
}
