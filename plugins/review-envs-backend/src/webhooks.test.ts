import {
  createMockDirectory,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { reviewEnvsPlugin } from './plugin';

jest.setTimeout(30_000);

const SECRET = 'webhook-secret-for-tests';

// The GitHub events module is a feature loader built on dynamic import(),
// which Jest cannot run; load its two modules (the signature-checking
// webhook ingress and the router to github.<event> topics) directly.
const githubModuleDir = dirname(
  require.resolve(
    '@backstage/plugin-events-backend-module-github/package.json',
  ),
);
const githubModules = [
  'eventsModuleGithubWebhook',
  'eventsModuleGithubEventRouter',
].map(
  name =>
    require(join(githubModuleDir, 'dist/service', `${name}.cjs.js`)).default,
);

function pullRequestEvent(
  action: string,
  labels: string[],
  updatedAt = '2026-11-22T10:00:00Z',
  number = 5,
) {
  return {
    action,
    repository: { full_name: 'acme/web' },
    pull_request: {
      number,
      title: 'Invoice export',
      state: 'open',
      updated_at: updatedAt,
      head: { ref: 'feature/export', sha: 'b'.repeat(40) },
      user: { login: 'ada' },
      labels: labels.map(name => ({ name })),
    },
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function startPortal() {
  const { server } = await startTestBackend({
    features: [
      mockServices.database.factory({ knex: await databases.init('SQLITE_3') }),
      eventsPlugin,
      ...githubModules,
      // The real events service: the test default gives each plugin its own.
      eventsServiceFactory,
      reviewEnvsPlugin,
      mockServices.scheduler.factory(),
      mockServices.rootConfig.factory({
        data: {
          events: {
            modules: { github: { webhookSecret: SECRET } },
            // One process: deliver in memory, no polling of the event bus.
            useEventBus: 'never',
          },
          reviewEnvs: { local: { workDir: createMockDirectory().path } },
        },
      }),
    ],
  });
  return server;
}

function deliver(
  server: Parameters<typeof request>[0],
  body: object,
  signature?: string,
) {
  const raw = JSON.stringify(body);
  return request(server)
    .post('/api/events/http/github')
    .set('Content-Type', 'application/json')
    .set('X-GitHub-Event', 'pull_request')
    .set(
      'X-Hub-Signature-256',
      signature ??
        `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`,
    )
    .send(raw);
}

async function environments(server: Parameters<typeof request>[0]) {
  const response = await request(server).get('/api/review-envs/environments');
  return response.body.items as Array<{ id: string; state: string }>;
}

describe('GitHub webhooks', () => {
  it('creates an environment when a signed delivery labels a pull request', async () => {
    const server = await startPortal();

    const delivered = await deliver(
      server,
      pullRequestEvent('labeled', ['review']),
    );

    expect(delivered.status).toBe(202);
    expect(
      await eventually(
        () => environments(server),
        items => items.length > 0,
      ),
    ).toEqual([
      expect.objectContaining({
        id: 'acme-web-pr-5',
        repository: 'acme/web',
        author: 'ada',
        headSha: 'b'.repeat(40),
      }),
    ]);
  });

  it('does not bring an environment back for a labeled event delivered after the unlabeled one', async () => {
    const server = await startPortal();
    await deliver(
      server,
      pullRequestEvent('labeled', ['review'], '2026-11-22T10:01:00Z'),
    );
    await eventually(
      () => environments(server),
      items => items.length > 0,
    );
    await deliver(
      server,
      pullRequestEvent('unlabeled', [], '2026-11-22T10:02:00Z'),
    );
    const removed = await eventually(
      () => environments(server),
      items => items[0].state === 'gone',
    );
    expect(removed).toEqual([expect.objectContaining({ state: 'gone' })]);

    const late = await deliver(
      server,
      pullRequestEvent('labeled', ['review'], '2026-11-22T10:01:00Z'),
    );
    expect(late.status).toBe(202);
    // A later delivery for another pull request: once it is applied, the
    // late one has been handled too.
    await deliver(
      server,
      pullRequestEvent('labeled', ['review'], '2026-11-22T10:03:00Z', 6),
    );
    await eventually(
      () => environments(server),
      items => items.length > 1,
    );

    expect(await environments(server)).toEqual([
      expect.objectContaining({ id: 'acme-web-pr-6' }),
      expect.objectContaining({ id: 'acme-web-pr-5', state: 'gone' }),
    ]);
  });

  it('rejects a delivery with a bad signature and stores nothing', async () => {
    const server = await startPortal();

    const rejected = await deliver(
      server,
      pullRequestEvent('labeled', ['review']),
      `sha256=${'0'.repeat(64)}`,
    );

    expect(rejected.status).toBe(403);
    await new Promise(done => setTimeout(done, 200));
    expect(await environments(server)).toEqual([]);
  });
});

/** Calls `read` until `done` holds for its answer (events are delivered asynchronously). */
async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return read();
}
