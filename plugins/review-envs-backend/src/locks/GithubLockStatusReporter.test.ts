import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { SharedEnvironmentLock } from '@internal/plugin-review-envs-common';
import { sharedEnvironmentLock } from '@internal/plugin-review-envs-common/testUtils';
import { Octokit } from '@octokit/rest';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GithubLockStatusReporter } from './GithubLockStatusReporter';
import { SharedEnvironmentConfig } from './SharedEnvironmentsConfig';

const API = 'https://api.github.com';
const SHA = 'a'.repeat(40);

const environments: SharedEnvironmentConfig[] = [
  {
    name: 'staging',
    title: 'Staging',
    defaultDurationMs: 3_600_000,
    maxDurationMs: 3_600_000,
    branches: ['staging', 'release'],
  },
  {
    name: 'demo',
    title: 'Demo',
    defaultDurationMs: 3_600_000,
    maxDurationMs: 3_600_000,
    branches: [],
  },
];

const free = sharedEnvironmentLock();

function heldBy(holder: string, reason = 'Release 2.4 smoke test') {
  return {
    ...free,
    holder,
    reason,
    fencingToken: 4,
    since: '2026-11-22T10:00:00.000Z',
    expiresAt: '2026-11-22T12:30:00.000Z',
  };
}

const pullRequest = {
  repository: 'acme/web',
  number: 5,
  baseBranch: 'staging',
  headSha: SHA,
  author: 'Ada',
};

function githubPullRequest(number: number, login: string) {
  return {
    number,
    head: { sha: String(number).repeat(40).slice(0, 40) },
    user: { login },
  };
}

describe('GithubLockStatusReporter', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function setUp(...locks: SharedEnvironmentLock[]) {
    const logger = mockServices.logger.mock();
    const get = jest.fn(async (name: string) => {
      const lock = locks.length > 1 ? locks.shift()! : locks[0];
      return { ...lock, name };
    });
    const reporter = new GithubLockStatusReporter({
      repositories: ['acme/web', 'acme/api'],
      octokitFor: async () =>
        new Octokit({
          auth: 'test-token',
          baseUrl: API,
          request: { retries: 0 },
        }),
      environments,
      locks: { get },
      logger,
      detailsUrl: 'http://portal.test/review-envs',
    });
    return { reporter, logger, get };
  }

  /** Records the statuses posted to any commit of acme/web and acme/api. */
  function recordStatuses() {
    const posted: Array<{ repository: string; sha: string; body: unknown }> =
      [];
    server.use(
      http.post(
        `${API}/repos/acme/:repo/statuses/:sha`,
        async ({ params, request }) => {
          posted.push({
            repository: `acme/${params.repo}`,
            sha: String(params.sha),
            body: await request.json(),
          });
          return HttpResponse.json({ id: posted.length }, { status: 201 });
        },
      ),
    );
    return posted;
  }

  describe('reportPullRequest', () => {
    it('marks a pull request into a free environment successful', async () => {
      const posted = recordStatuses();
      const { reporter, logger } = setUp(free);

      await reporter.reportPullRequest(pullRequest);

      expect(posted).toEqual([
        {
          repository: 'acme/web',
          sha: SHA,
          body: {
            state: 'success',
            context: 'portal/lock/staging',
            description: 'Staging is free',
            target_url: 'http://portal.test/review-envs',
          },
        },
      ]);
      expect(logger.warn).not.toHaveBeenCalled();
    });

    it("marks the lock holder's own pull request successful", async () => {
      const posted = recordStatuses();
      const { reporter } = setUp(heldBy('user:default/ada'));

      await reporter.reportPullRequest(pullRequest);

      expect(posted.map(p => p.body)).toEqual([
        expect.objectContaining({
          state: 'success',
          context: 'portal/lock/staging',
          description: 'Staging is held by you until 12:30 UTC',
        }),
      ]);
    });

    it('fails the pull requests of everyone else, naming holder, expiry and reason', async () => {
      const posted = recordStatuses();
      const { reporter } = setUp(heldBy('user:default/grace'));

      await reporter.reportPullRequest(pullRequest);

      expect(posted.map(p => p.body)).toEqual([
        expect.objectContaining({
          state: 'failure',
          context: 'portal/lock/staging',
          description:
            'Staging is locked by user:default/grace until 12:30 UTC: Release 2.4 smoke test',
        }),
      ]);
    });

    it('cuts long descriptions to the 140 characters GitHub allows', async () => {
      const posted = recordStatuses();
      const { reporter } = setUp(heldBy('ci-pipeline', 'x'.repeat(500)));

      await reporter.reportPullRequest(pullRequest);

      const { description } = posted[0].body as { description: string };
      expect(description).toHaveLength(140);
      expect(description).toMatch(
        /^Staging is locked by ci-pipeline until 12:30 UTC: x+…$/,
      );
    });

    it('leaves pull requests into other branches and repositories alone', async () => {
      const requests: string[] = [];
      server.use(
        http.all(`${API}/*`, ({ request }) => {
          requests.push(`${request.method} ${request.url}`);
          return HttpResponse.json({});
        }),
      );
      const { reporter, logger, get } = setUp(free);

      await reporter.reportPullRequest({ ...pullRequest, baseBranch: 'main' });
      await reporter.reportPullRequest({
        ...pullRequest,
        baseBranch: undefined,
      });
      await reporter.reportPullRequest({
        ...pullRequest,
        repository: 'acme/other',
      });

      expect(requests).toEqual([]);
      expect(get).not.toHaveBeenCalled();
      expect(logger.warn).not.toHaveBeenCalled();
    });

    it('logs a GitHub failure instead of throwing it', async () => {
      server.use(
        http.post(`${API}/repos/acme/web/statuses/:sha`, () =>
          HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
        ),
      );
      const { reporter, logger } = setUp(free);

      await expect(
        reporter.reportPullRequest(pullRequest),
      ).resolves.toBeUndefined();

      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('acme/web#5'),
      );
    });
  });

  describe('reconcilePullRequest', () => {
    it('posts only statuses that GitHub does not show already', async () => {
      let current = {
        context: 'portal/lock/staging',
        state: 'success',
        description: 'Staging is free',
      };
      server.use(
        http.get(`${API}/repos/acme/web/commits/${SHA}/status`, () =>
          HttpResponse.json({
            state: current.state,
            statuses: [
              { context: 'ci/build', state: 'failure', description: 'red' },
              current,
            ],
          }),
        ),
      );
      const posted = recordStatuses();
      const { reporter } = setUp(free);

      await reporter.reconcilePullRequest(pullRequest);
      expect(posted).toEqual([]);

      current = { ...current, state: 'failure', description: 'stale' };
      await reporter.reconcilePullRequest(pullRequest);
      expect(posted.map(p => p.body)).toEqual([
        expect.objectContaining({
          state: 'success',
          description: 'Staging is free',
        }),
      ]);
    });
  });

  describe('reportEnvironment', () => {
    it("sets the status of every open pull request into the environment's branches, in every repository", async () => {
      const listed: string[] = [];
      server.use(
        http.get(`${API}/repos/acme/:repo/pulls`, ({ params, request }) => {
          const query = new URL(request.url).searchParams;
          expect(query.get('state')).toBe('open');
          expect(query.get('per_page')).toBe('100');
          const base = query.get('base');
          const page = query.get('page') ?? '1';
          listed.push(`acme/${params.repo}:${base}:${page}`);
          if (params.repo === 'web' && base === 'staging' && page === '1') {
            return HttpResponse.json([githubPullRequest(1, 'ada')], {
              headers: {
                link: `<${API}/repos/acme/web/pulls?state=open&base=staging&per_page=100&page=2>; rel="next"`,
              },
            });
          }
          if (params.repo === 'web' && base === 'staging') {
            return HttpResponse.json([githubPullRequest(2, 'grace')]);
          }
          if (params.repo === 'api' && base === 'release') {
            return HttpResponse.json([githubPullRequest(3, 'grace')]);
          }
          return HttpResponse.json([]);
        }),
      );
      const posted = recordStatuses();
      const { reporter, logger } = setUp(heldBy('user:default/ada'));

      await reporter.reportEnvironment('staging');

      expect(listed.sort()).toEqual([
        'acme/api:release:1',
        'acme/api:staging:1',
        'acme/web:release:1',
        'acme/web:staging:1',
        'acme/web:staging:2',
      ]);
      expect(
        posted.map(({ repository, sha, body }) => ({
          repository,
          sha,
          state: (body as { state: string }).state,
        })),
      ).toEqual([
        { repository: 'acme/web', sha: '1'.repeat(40), state: 'success' },
        { repository: 'acme/web', sha: '2'.repeat(40), state: 'failure' },
        { repository: 'acme/api', sha: '3'.repeat(40), state: 'failure' },
      ]);
      expect(logger.warn).not.toHaveBeenCalled();
    });

    it('does nothing for environments without branches', async () => {
      const requests: string[] = [];
      server.use(
        http.all(`${API}/*`, ({ request }) => {
          requests.push(request.url);
          return HttpResponse.json([]);
        }),
      );
      const { reporter, get } = setUp(free);

      await reporter.reportEnvironment('demo');
      await reporter.reportEnvironment('unknown');

      expect(requests).toEqual([]);
      expect(get).not.toHaveBeenCalled();
    });

    it('logs a failing repository and goes on with the others', async () => {
      server.use(
        http.get(`${API}/repos/acme/web/pulls`, () =>
          HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
        ),
        http.get(`${API}/repos/acme/api/pulls`, ({ request }) =>
          HttpResponse.json(
            new URL(request.url).searchParams.get('base') === 'staging'
              ? [githubPullRequest(7, 'grace')]
              : [],
          ),
        ),
      );
      const posted = recordStatuses();
      const { reporter, logger } = setUp(free);

      await expect(
        reporter.reportEnvironment('staging'),
      ).resolves.toBeUndefined();

      expect(posted.map(p => `${p.repository}@${p.sha}`)).toEqual([
        `acme/api@${'7'.repeat(40)}`,
      ]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('acme/web:staging'),
      );
    });

    it('posts the statuses of the latest change last', async () => {
      let listings = 0;
      server.use(
        http.get(
          `${API}/repos/acme/:repo/pulls`,
          async ({ params, request }) => {
            const base = new URL(request.url).searchParams.get('base');
            if (params.repo !== 'web' || base !== 'staging') {
              return HttpResponse.json([]);
            }
            // The first run's listing is slow.
            listings += 1;
            if (listings === 1) await delay(200);
            return HttpResponse.json([githubPullRequest(1, 'grace')]);
          },
        ),
      );
      const posted = recordStatuses();
      const { reporter } = setUp(heldBy('user:default/ada'), free);

      await Promise.all([
        reporter.reportEnvironment('staging'),
        reporter.reportEnvironment('staging'),
      ]);

      expect(posted.map(p => (p.body as { state: string }).state)).toEqual([
        'failure',
        'success',
      ]);
    });
  });
});
