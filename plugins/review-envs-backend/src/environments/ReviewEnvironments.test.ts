import {
  createMockDirectory,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { PullRequestSnapshot } from '@internal/plugin-review-envs-common';
import { LocalProcessDeployTarget } from '@internal/backend-deploy-targets';
import { TestRepository } from '@internal/backend-deploy-targets/testUtils';
import { join } from 'node:path';
import { DatabaseEnvironmentStore } from '../database/DatabaseEnvironmentStore';
import { DeploymentReporter } from './DeploymentReporter';
import { ReviewEnvironments } from './ReviewEnvironments';
import { ReviewEnvironmentsConfig } from './ReviewEnvironmentsConfig';

jest.setTimeout(60_000);

const HOUR = 3_600_000;

/** A service that answers its VERSION file on / and 200 on /health. */
const TEST_SERVER = `
const http = require('http');
const version = require('fs').readFileSync(__dirname + '/VERSION', 'utf8').trim();
http.createServer((req, res) => res.end(version))
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening', version));
`;

describe('ReviewEnvironments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const directory = createMockDirectory();
  let targets: LocalProcessDeployTarget[] = [];

  afterEach(async () => {
    for (const target of targets) {
      for (const deployment of await target.list()) {
        await target.teardown(deployment.environmentId);
      }
    }
    targets = [];
    directory.clear();
  });

  async function setUp(
    databaseId: Parameters<typeof databases.init>[0],
    ttlMs = 48 * HOUR,
    reporter?: DeploymentReporter,
  ) {
    const repository = new TestRepository(join(directory.path, 'repo'));
    const main = repository.commit('main', {
      'server.js': TEST_SERVER,
      VERSION: 'v1',
    });
    const config: ReviewEnvironmentsConfig = {
      reviewLabel: 'review',
      keepLabel: 'keep',
      ttlMs,
      maxExtendMs: 168 * HOUR,
      local: {
        workDir: join(directory.path, 'work'),
        command: `"${process.execPath}" server.js`,
        healthPath: '/',
        healthTimeoutMs: 10_000,
        repositories: new Map([['acme/web', repository.path]]),
      },
    };
    const target = new LocalProcessDeployTarget({
      workDir: config.local.workDir,
      command: config.local.command,
      healthTimeoutMs: config.local.healthTimeoutMs,
    });
    targets.push(target);
    const store = await DatabaseEnvironmentStore.create({
      database: mockServices.database({
        knex: await databases.init(databaseId),
      }),
    });
    const environments = new ReviewEnvironments({
      store,
      target,
      config,
      logger: mockServices.logger.mock(),
      reporter,
    });
    const pr = (
      changes: Partial<PullRequestSnapshot> = {},
    ): PullRequestSnapshot => ({
      repository: 'acme/web',
      number: 42,
      title: 'Invoice export',
      branch: 'feature/export',
      headSha: main,
      author: 'ada',
      open: true,
      labels: ['review'],
      ...changes,
    });
    return { repository, environments, pr, main, store };
  }

  const body = async (url: string | null) => (await fetch(`${url}/`)).text();

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    it('deploys a labelled PR, redeploys new commits, and tears down when the label goes', async () => {
      const { repository, environments, pr } = await setUp(databaseId);

      expect(
        await environments.observePullRequest(
          pr({ labels: [] }),
          'github:webhook',
        ),
      ).toBeUndefined();
      const pending = await environments.observePullRequest(
        pr(),
        'github:webhook',
      );
      expect(pending).toMatchObject({
        id: 'acme-web-pr-42',
        state: 'pending',
        url: null,
      });

      await environments.runWork();
      const ready = await environments.get('acme-web-pr-42');
      expect(ready.state).toBe('ready');
      expect(await body(ready.url)).toBe('v1');

      const second = repository.commit('main', { VERSION: 'v2' });
      await environments.observePullRequest(
        pr({ headSha: second }),
        'github:webhook',
      );
      await environments.runWork();
      const redeployed = await environments.get('acme-web-pr-42');
      expect(redeployed).toMatchObject({ state: 'ready', deployedSha: second });
      expect(await body(redeployed.url)).toBe('v2');

      await environments.observePullRequest(
        pr({ headSha: second, labels: [] }),
        'github:webhook',
      );
      await environments.runWork();
      expect(await environments.get('acme-web-pr-42')).toMatchObject({
        state: 'gone',
        url: null,
      });

      const history = await environments.history('acme-web-pr-42');
      expect(
        history.map(event => [event.state, event.actor]).reverse(),
      ).toEqual([
        ['pending', 'github:webhook'],
        ['deploying', 'worker'],
        ['ready', 'worker'],
        ['pending', 'github:webhook'],
        ['deploying', 'worker'],
        ['ready', 'worker'],
        ['tearing-down', 'github:webhook'],
        ['gone', 'worker'],
      ]);
      await expect(
        environments.redeploy('acme-web-pr-42', 'user:default/ada'),
      ).rejects.toThrow(
        'acme-web-pr-42 is gone; label its pull request again to bring it back',
      );
      expect(history[0].reason).toBe("the 'review' label was removed");
    });

    it('ignores a late delivery older than the state applied, and applies newer ones', async () => {
      const { environments, pr } = await setUp(databaseId);
      const at = (minute: number) =>
        `2026-11-22T10:${String(minute).padStart(2, '0')}:00Z`;
      await environments.observePullRequest(
        pr({ updatedAt: at(1) }),
        'github:webhook',
      );
      await environments.runWork();
      await environments.observePullRequest(
        pr({ labels: [], updatedAt: at(2) }),
        'github:webhook',
      );
      await environments.runWork();
      const history = await environments.history('acme-web-pr-42');

      // The `labeled` event of 10:01, delivered after the `unlabeled` one.
      const late = await environments.observePullRequest(
        pr({ updatedAt: at(1) }),
        'github:webhook',
      );

      expect(late).toMatchObject({ state: 'gone' });
      await environments.runWork();
      expect(await environments.get('acme-web-pr-42')).toMatchObject({
        state: 'gone',
      });
      expect(await environments.history('acme-web-pr-42')).toEqual(history);

      // A state as new as the last one applied, or newer, is applied: the
      // reconciliation's current state, or the label added again.
      const again = await environments.observePullRequest(
        pr({ updatedAt: at(3) }),
        'github:reconciler',
      );
      expect(again).toMatchObject({ state: 'pending' });
      const sameSecond = await environments.observePullRequest(
        pr({ labels: [], updatedAt: at(3) }),
        'github:webhook',
      );
      expect(sameSecond).toMatchObject({ state: 'gone' });
    });

    it('keeps the newest state of a pull request that never had an environment', async () => {
      const { environments, pr } = await setUp(databaseId);
      await environments.observePullRequest(
        pr({ labels: [], updatedAt: '2026-11-22T10:02:00Z' }),
        'github:webhook',
      );

      expect(
        await environments.observePullRequest(
          pr({ updatedAt: '2026-11-22T10:01:00Z' }),
          'github:webhook',
        ),
      ).toBeUndefined();
      expect(await environments.list()).toEqual([]);
    });

    it('ends a PR closed before its first deploy at once, with nothing to tear down', async () => {
      const { environments, pr } = await setUp(databaseId);
      await environments.observePullRequest(pr(), 'github:webhook');

      const closed = await environments.observePullRequest(
        pr({ open: false }),
        'github:webhook',
      );

      expect(closed).toMatchObject({
        state: 'gone',
        stateReason: 'the pull request was closed',
      });
      await environments.runWork();
      expect(
        (await environments.history('acme-web-pr-42')).map(e => e.state),
      ).toEqual(['gone', 'pending']);
    });

    it('reports each outcome to the pull request, and a reporting failure fails nothing', async () => {
      const report = jest.fn().mockRejectedValue(new Error('GitHub is down'));
      const { environments, pr } = await setUp(databaseId, 48 * HOUR, {
        report,
      });
      await environments.observePullRequest(pr(), 'github:webhook');
      await environments.runWork();
      await environments.observePullRequest(
        pr({ open: false }),
        'github:webhook',
      );
      await environments.runWork();

      expect(
        report.mock.calls.map(([env, status]) => [env.id, status.state]),
      ).toEqual([
        ['acme-web-pr-42', 'success'],
        ['acme-web-pr-42', 'inactive'],
      ]);
      expect((await environments.get('acme-web-pr-42')).state).toBe('gone');
    });

    it('marks a failed redeploy failed with the reason, the previous version still serving', async () => {
      const { repository, environments, pr } = await setUp(databaseId);
      await environments.observePullRequest(pr(), 'github:webhook');
      await environments.runWork();
      const good = await environments.get('acme-web-pr-42');

      const broken = repository.commit('main', {
        'server.js': "console.log('boom'); process.exit(2)",
      });
      await environments.observePullRequest(
        pr({ headSha: broken }),
        'github:webhook',
      );
      await environments.runWork();

      const failed = await environments.get('acme-web-pr-42');
      expect(failed.state).toBe('failed');
      expect(failed.stateReason).toContain('exited with code 2');
      expect(failed.url).toBe(good.url);
      expect(failed.deployedSha).toBe(good.deployedSha);
      expect(await body(failed.url)).toBe('v1');
      const logs = await environments.logs('acme-web-pr-42');
      expect(logs.deploy.join('\n')).toContain('boom');
    });

    it('tears down environments whose time ran out, unless kept', async () => {
      const { environments, pr } = await setUp(databaseId, 300);
      await environments.observePullRequest(pr(), 'github:webhook');
      await environments.observePullRequest(
        pr({ number: 43, labels: ['review', 'keep'] }),
        'github:webhook',
      );
      await environments.runWork();
      await new Promise(done => setTimeout(done, 400));

      await environments.runWork(); // expires pr-42 and tears it down
      await environments.runWork();

      expect((await environments.get('acme-web-pr-42')).state).toBe('gone');
      expect((await environments.get('acme-web-pr-43')).state).toBe('ready');
      expect(
        (await environments.history('acme-web-pr-42')).map(e => e.actor),
      ).toContain('expiry');
    });

    it('counts the time to live from the last deploy or redeploy, not from creation', async () => {
      const { environments, pr } = await setUp(databaseId, 60_000);
      await environments.observePullRequest(pr(), 'github:webhook');
      const created = (await environments.get('acme-web-pr-42')).expiresAt;
      await new Promise(done => setTimeout(done, 50));

      await environments.runWork();
      const deployed = await environments.get('acme-web-pr-42');
      expect(deployed.state).toBe('ready');
      expect(Date.parse(deployed.expiresAt)).toBeGreaterThan(
        Date.parse(created),
      );

      await new Promise(done => setTimeout(done, 50));
      const redeployed = await environments.redeploy(
        'acme-web-pr-42',
        'user:default/ada',
      );
      expect(Date.parse(redeployed.expiresAt)).toBeGreaterThan(
        Date.parse(deployed.expiresAt),
      );
      await environments.runWork();
    });

    it('after a restart redeploys environments whose process died, and removes orphans', async () => {
      const { repository, environments, pr } = await setUp(databaseId);
      await environments.observePullRequest(pr(), 'github:webhook');
      await environments.runWork();
      const ready = await environments.get('acme-web-pr-42');
      const [deployment] = await targets[0].list();
      process.kill(-Number(deployment.details.pid), 'SIGKILL');
      await new Promise(done => setTimeout(done, 200));
      const stray = await targets[0].deploy({
        environmentId: 'nobody-wants-pr-1',
        source: { repository: repository.path, ref: 'main' },
      });

      await environments.recover();
      expect(await targets[0].get(stray.environmentId)).toBeUndefined();
      expect((await environments.get('acme-web-pr-42')).state).toBe('pending');
      await environments.runWork();

      const back = await environments.get('acme-web-pr-42');
      expect(back.state).toBe('ready');
      expect(back.url).not.toBe(ready.url);
      expect(await body(back.url)).toBe('v1');
    });

    it('after a restart redeploys at once an environment whose deploy died with the backend', async () => {
      const { environments, pr, store } = await setUp(databaseId);
      await environments.observePullRequest(pr(), 'github:webhook');
      await environments.runWork();
      await environments.redeploy('acme-web-pr-42', 'user:default/ada');
      // The previous backend claimed the redeploy, then died with its process.
      expect(await store.claimWork(1, 15 * 60_000)).toHaveLength(1);
      const [deployment] = await targets[0].list();
      process.kill(-Number(deployment.details.pid), 'SIGKILL');
      await new Promise(done => setTimeout(done, 200));

      await environments.recover();
      await environments.runWork();

      expect((await environments.get('acme-web-pr-42')).state).toBe('ready');
    });

    it('removes what runs for no live environment, and leaves live ones alone', async () => {
      const { repository, environments, pr } = await setUp(databaseId);
      await environments.observePullRequest(pr(), 'github:webhook');
      await environments.runWork();
      await targets[0].deploy({
        environmentId: 'nobody-wants-pr-1',
        source: { repository: repository.path, ref: 'main' },
      });

      expect(await environments.removeOrphans()).toEqual(['nobody-wants-pr-1']);

      expect(await targets[0].get('nobody-wants-pr-1')).toBeUndefined();
      expect(await targets[0].get('acme-web-pr-42')).toBeDefined();
      expect((await environments.get('acme-web-pr-42')).state).toBe('ready');
    });
  });
});
