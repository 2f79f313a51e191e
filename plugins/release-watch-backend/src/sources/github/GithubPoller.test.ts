import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CursorStore } from '../CursorStore';
import { eventsFromWebhook } from './githubEvents';
import { createGithubClientFactory } from '@internal/backend-plugin-utils';
import { GithubPoller } from './GithubPoller';

const API = 'https://api.github.com/repos/acme/web';
const server = setupServer();
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const recent = (hoursAgo: number) =>
  new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
const DEPLOYMENT = {
  id: 11,
  sha: 'abc1234',
  ref: 'v1.2.0',
  environment: 'production',
  created_at: recent(5),
};
const SUCCESS = { id: 111, state: 'success', created_at: recent(4) };

/** A GitHub with one release, one merged and one closed PR, one run and one finished deployment. */
function githubHandlers(counts: Record<string, number>) {
  const count = (name: string) => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  return [
    http.get(`${API}/releases`, () => {
      count('releases');
      return HttpResponse.json([
        { id: 1, tag_name: 'v1.2.0', draft: false, created_at: recent(6) },
        { id: 2, tag_name: 'v1.3.0-draft', draft: true, created_at: recent(1) },
      ]);
    }),
    http.get(`${API}/pulls`, () => {
      count('pulls');
      return HttpResponse.json([
        {
          number: 7,
          title: 'Faster builds',
          created_at: recent(30),
          updated_at: recent(7),
          merged_at: recent(7),
        },
        {
          number: 8,
          title: 'Abandoned',
          created_at: recent(30),
          updated_at: recent(7),
          merged_at: null,
        },
      ]);
    }),
    http.get(`${API}/actions/runs`, () => {
      count('runs');
      return HttpResponse.json({
        total_count: 1,
        workflow_runs: [
          {
            id: 900,
            run_attempt: 1,
            name: 'CI',
            event: 'pull_request',
            status: 'completed',
            conclusion: 'success',
            run_started_at: recent(3),
            created_at: recent(3),
            updated_at: recent(2.5),
            head_sha: 'abc1234',
          },
        ],
      });
    }),
    http.get(`${API}/deployments`, () => {
      count('deployments');
      return HttpResponse.json([DEPLOYMENT]);
    }),
    http.get(`${API}/deployments/11/statuses`, () => {
      count('statuses');
      return HttpResponse.json([
        SUCCESS,
        { id: 110, state: 'in_progress', created_at: recent(5) },
      ]);
    }),
  ];
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function setUp() {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@internal/plugin-release-watch-backend',
      'migrations',
    ),
  });
  const stored: ReleaseWatchEvent[] = [];
  const ids = new Set<string>();
  const sink = {
    ingest: async (events: ReleaseWatchEvent[]) => {
      const fresh = events.filter(e => !ids.has(e.id!));
      fresh.forEach(e => {
        ids.add(e.id!);
        stored.push(e);
      });
      return {
        accepted: fresh.length,
        duplicates: events.length - fresh.length,
      };
    },
  };
  const cursors = new CursorStore(knex);
  const logger = mockServices.logger.mock();
  const poller = new GithubPoller({
    repositories: ['acme/web'],
    host: 'github.com',
    backfillDays: 30,
    clientFor: createGithubClientFactory(
      new ConfigReader({
        integrations: { github: [{ host: 'github.com', token: 'test-token' }] },
      }),
      'github.com',
      logger,
      { retryAfterBaseSeconds: 0.01 },
    ),
    sink,
    cursors,
    logger,
  });
  return { poller, stored, cursors };
}

describe('GithubPoller', () => {
  it('reads releases, merged pull requests, completed runs and finished deployments, and stores a repeat once', async () => {
    const counts: Record<string, number> = {};
    server.use(...githubHandlers(counts));
    const { poller, stored, cursors } = await setUp();

    expect(await poller.poll('acme/web')).toEqual({
      accepted: 4,
      duplicates: 0,
    });
    expect(stored.map(e => [e.kind, e.id])).toEqual([
      ['release', 'github:acme/web:release:1'],
      ['pull_request_merged', 'github:acme/web:pull:7'],
      ['ci_run', 'github:acme/web:run:900:1'],
      ['deployment', 'github:acme/web:deployment-status:111'],
    ]);
    expect(stored[3]).toMatchObject({
      environment: 'production',
      status: 'success',
      version: 'v1.2.0',
      at: SUCCESS.created_at,
    });
    expect(await cursors.get('github:github.com/acme/web')).toBeDefined();

    expect(await poller.poll('acme/web')).toEqual({
      accepted: 0,
      duplicates: 4,
    });
  });

  it('retries GitHub server errors, and keeps the cursor where it was when a pass fails', async () => {
    const counts: Record<string, number> = {};
    let runsFailures = 1;
    server.use(
      http.get(`${API}/actions/runs`, () => {
        if (runsFailures-- > 0)
          return new HttpResponse('bad gateway', { status: 502 });
        return undefined;
      }),
      ...githubHandlers(counts),
    );
    const { poller, cursors } = await setUp();
    expect((await poller.poll('acme/web')).accepted).toBe(4);

    server.resetHandlers(
      http.get(
        `${API}/releases`,
        () => new HttpResponse('down', { status: 500 }),
      ),
    );
    const before = await cursors.get('github:github.com/acme/web');
    await expect(poller.poll('acme/web')).rejects.toThrow();
    expect(await cursors.get('github:github.com/acme/web')).toBe(before);
  });

  it('waits out a GitHub rate limit and then reads on', async () => {
    const counts: Record<string, number> = {};
    let limited = 1;
    server.use(
      http.get(`${API}/releases`, () => {
        if (limited-- > 0) {
          return HttpResponse.json(
            { message: 'API rate limit exceeded' },
            {
              status: 403,
              headers: {
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
              },
            },
          );
        }
        return undefined;
      }),
      ...githubHandlers(counts),
    );
    const { poller } = await setUp();
    expect((await poller.poll('acme/web')).accepted).toBe(4);
    expect(limited).toBe(-1);
  });

  it('gives a webhook delivery the same natural key as the poll', () => {
    expect(
      eventsFromWebhook('github.deployment_status', {
        action: 'created',
        repository: { full_name: 'acme/web' },
        deployment: DEPLOYMENT,
        deployment_status: SUCCESS,
      }),
    ).toEqual([
      expect.objectContaining({
        id: 'github:acme/web:deployment-status:111',
        kind: 'deployment',
      }),
    ]);
    expect(
      eventsFromWebhook('github.pull_request', {
        action: 'closed',
        repository: { full_name: 'acme/web' },
        pull_request: {
          number: 8,
          title: 'x',
          created_at: recent(2),
          merged_at: null,
        },
      }),
    ).toEqual([]);
  });
});
