import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  TestRepository,
  stopLocalEnvironments,
} from '@internal/backend-deploy-targets/testUtils';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { reviewEnvsPlugin } from './plugin';

jest.setTimeout(60_000);

/** An app that reads its rows through DATABASE_URL (Node's own SQLite) and answers them. */
const APP = `
const http = require('http');
const { DatabaseSync } = require('node:sqlite');
http.createServer((req, res) => {
  const url = process.env.DATABASE_URL;
  const db = new DatabaseSync(url.slice('file:'.length), { readOnly: true });
  const rows = db.prepare('SELECT name FROM projects ORDER BY id').all();
  db.close();
  res.end(JSON.stringify({ url, projects: rows.map(r => r.name) }));
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const SEED = `
CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO projects (id, name) VALUES (1, 'Onboarding'), (2, 'Billing');
`;

describe('each review environment gets its own database', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const directory = createMockDirectory();
  afterEach(() => {
    // The environments each test deployed and did not tear down.
    stopLocalEnvironments(join(directory.path, 'work'));
    directory.clear();
  });

  async function startPortal(app: string) {
    directory.setContent({ 'seed.sql': SEED });
    const repository = new TestRepository(join(directory.path, 'repo'));
    const first = repository.commit('main', { 'server.js': app });
    const workDir = join(directory.path, 'work');
    const scheduler = mockServices.scheduler.mock();
    scheduler.triggerTask.mockResolvedValue();
    const { server } = await startTestBackend({
      features: [
        reviewEnvsPlugin,
        scheduler.factory,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: {
            reviewEnvs: {
              local: {
                workDir,
                command: `"${process.execPath}" server.js`,
                healthPath: '/',
                healthTimeoutSeconds: 20,
                repositories: [{ name: 'acme/web', path: repository.path }],
              },
              database: { seedSqlFile: join(directory.path, 'seed.sql') },
            },
          },
        }),
      ],
    });
    /** Runs a scheduled task of the plugin to its end, as the scheduler would. */
    const run = async (taskId: string) => {
      const task = scheduler.scheduleTask.mock.calls.find(
        ([t]) => t.id === taskId,
      )![0];
      await task.fn(new AbortController().signal);
    };
    const report = (changes: object) =>
      request(server)
        .post('/api/review-envs/pull-requests')
        .set('Authorization', mockCredentials.service.header())
        .send({
          repository: 'acme/web',
          number: 42,
          title: 'Invoice export',
          branch: 'feature/export',
          headSha: first,
          author: 'ada',
          open: true,
          labels: ['review'],
          ...changes,
        });
    const environment = async () =>
      (
        await request(server)
          .get('/api/review-envs/environments/acme-web-pr-42')
          .set('Authorization', mockCredentials.service.header())
      ).body;
    const file = join(workDir, 'databases', 'acme-web-pr-42.sqlite');
    return { server, repository, run, report, environment, file };
  }

  it('made and seeded on the first deploy, given as DATABASE_URL, kept across redeploys, dropped at teardown', async () => {
    const { repository, run, report, environment, file } = await startPortal(
      APP,
    );

    expect((await report({})).status).toBe(202);
    await run('review-envs-work');
    const ready = await environment();
    expect(ready.state).toBe('ready');
    expect(await (await fetch(ready.url)).json()).toEqual({
      url: `file:${file}`,
      projects: ['Onboarding', 'Billing'],
    });
    expect(JSON.stringify(ready)).not.toContain('file:');

    // A row written by the app survives a redeploy of a new commit.
    const db = new Database(file);
    db.prepare("INSERT INTO projects (id, name) VALUES (3, 'Kept')").run();
    db.close();
    const second = repository.commit('main', { VERSION: '2' });
    await report({ headSha: second });
    await run('review-envs-work');
    const redeployed = await environment();
    expect(redeployed).toMatchObject({ state: 'ready', deployedSha: second });
    expect((await (await fetch(redeployed.url)).json()).projects).toEqual([
      'Onboarding',
      'Billing',
      'Kept',
    ]);

    await report({ headSha: second, open: false });
    await run('review-envs-work');
    expect((await environment()).state).toBe('gone');
    expect(existsSync(file)).toBe(false);
  });

  it('drops the database of one that ended without a teardown: closed while a retry of its failed first deploy waited', async () => {
    const { server, run, report, environment, file } = await startPortal(
      'process.exit(3)',
    );
    await report({});
    await run('review-envs-work');
    expect((await environment()).state).toBe('failed');
    expect(existsSync(file)).toBe(true);
    const redeploy = await request(server)
      .post('/api/review-envs/environments/acme-web-pr-42/redeploy')
      .set('Authorization', mockCredentials.user.header('user:default/ada'));
    expect(redeploy.status).toBe(202);
    await report({ open: false });
    expect((await environment()).state).toBe('gone');
    expect(existsSync(file)).toBe(true);

    await run('review-envs-remove-orphans');
    expect(existsSync(file)).toBe(false);
  });
});
