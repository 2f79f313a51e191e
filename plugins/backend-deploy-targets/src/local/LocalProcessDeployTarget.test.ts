import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeployFailedError } from '../DeployTarget';
import { LocalProcessDeployTarget } from './LocalProcessDeployTarget';
import { TestRepository } from '../testUtils/TestRepository';
import { isGroupAlive } from './processGroup';

jest.setTimeout(60_000);

/** A service that answers its VERSION file on / and 200 on /health. */
const SERVER = `
const http = require('http');
const version = require('fs').readFileSync(__dirname + '/VERSION', 'utf8').trim();
const health = process.env.BROKEN_HEALTH ? 503 : 200;
http.createServer((req, res) => {
  res.statusCode = req.url === '/health' ? health : 200;
  res.end(version);
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening', version));
`;

let root: string;
let repository: string;
let repo: TestRepository;
let target: LocalProcessDeployTarget;

function newTarget() {
  return new LocalProcessDeployTarget({
    workDir: join(root, 'work'),
    command: `"${process.execPath}" server.js`,
    healthPath: '/health',
    healthTimeoutMs: 10_000,
  });
}

async function body(url: string) {
  return (await fetch(url)).text();
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'local-deploy-'));
  repository = join(root, 'repo');
  repo = new TestRepository(repository);
  repo.commit('main', { 'server.js': SERVER, VERSION: 'v1' });
  target = newTarget();
});

afterEach(async () => {
  for (const deployment of await target.list()) {
    await target.teardown(deployment.environmentId);
  }
  rmSync(root, { recursive: true, force: true });
});

describe('LocalProcessDeployTarget', () => {
  it('runs a commit of a branch as a process on a free port, healthy before it returns', async () => {
    const lines: string[] = [];
    const deployment = await target.deploy(
      { environmentId: 'pr-1', source: { repository, ref: 'main' } },
      line => lines.push(line),
    );

    expect(await body(deployment.url)).toBe('v1');
    expect(deployment.version).toBe(repo.git(['rev-parse', 'main']));
    expect(await target.get('pr-1')).toEqual(deployment);
    expect(lines.join('\n')).toContain('Healthy at');
    expect(await target.logs('pr-1')).toContain('listening v1');
  });

  it("fetches a pull request's head from origin when the clone lacks it", async () => {
    const clone = join(root, 'clone');
    execFileSync('git', ['clone', '-q', repository, clone]);
    const head = repo.commit('feature', { VERSION: 'from origin' });

    const byId = await target.deploy({
      environmentId: 'pr-9',
      source: { repository: clone, ref: head },
    });
    expect(byId.version).toBe(head);
    expect(await body(byId.url)).toBe('from origin');

    const newer = repo.commit('feature', { VERSION: 'newer on origin' });
    const byBranch = await target.deploy({
      environmentId: 'pr-9',
      source: { repository: clone, ref: 'feature' },
    });
    expect(byBranch.version).toBe(newer);
    await expect(
      target.deploy({
        environmentId: 'pr-9',
        source: { repository: clone, ref: 'no-such-branch' },
      }),
    ).rejects.toThrow('nor on its origin');
  });

  it('replaces the running version only once the new one is healthy', async () => {
    const first = await target.deploy({
      environmentId: 'pr-2',
      source: { repository, ref: 'main' },
    });
    repo.commit('main', { VERSION: 'v2' });

    const second = await target.deploy({
      environmentId: 'pr-2',
      source: { repository, ref: 'main' },
    });

    expect(await body(second.url)).toBe('v2');
    expect(isGroupAlive(Number(first.details.pid))).toBe(false);
    expect(
      readdirSync(join(root, 'work/environments/pr-2')).filter(
        f => !f.endsWith('.json'),
      ),
    ).toHaveLength(2); // worktree + log
  });

  it('leaves the previous version serving when the new one crashes or stays unhealthy', async () => {
    const good = await target.deploy({
      environmentId: 'pr-3',
      source: { repository, ref: 'main' },
    });
    repo.commit('crashes', {
      'server.js': "console.log('boom'); process.exit(3);",
    });

    const crash = target.deploy({
      environmentId: 'pr-3',
      source: { repository, ref: 'crashes' },
    });
    await expect(crash).rejects.toThrow(DeployFailedError);
    await expect(crash).rejects.toThrow('exited with code 3');
    await expect(crash).rejects.toMatchObject({
      output: expect.arrayContaining(['boom']),
    });

    const observer = newTarget();
    const slow = new LocalProcessDeployTarget({
      workDir: join(root, 'work'),
      command: `BROKEN_HEALTH=1 "${process.execPath}" server.js`,
      healthPath: '/health',
      healthTimeoutMs: 1_000,
    });
    await expect(
      slow.deploy({
        environmentId: 'pr-3',
        source: { repository, ref: 'main' },
      }),
    ).rejects.toThrow('did not answer 200 within 1 s (last: status 503)');

    expect(await observer.get('pr-3')).toEqual(good);
    expect(await body(good.url)).toBe('v1');
  });

  it('tears down the process group, the worktree and the state, and does it idempotently', async () => {
    const deployment = await target.deploy({
      environmentId: 'pr-4',
      source: { repository, ref: 'main' },
    });

    await target.teardown('pr-4');
    await target.teardown('pr-4');

    expect(isGroupAlive(Number(deployment.details.pid))).toBe(false);
    expect(existsSync(join(root, 'work/environments/pr-4'))).toBe(false);
    expect(repo.git(['worktree', 'list'])).not.toContain('pr-4');
    expect(await target.get('pr-4')).toBeUndefined();
  });

  it('after a restart adopts running environments and reaps dead ones', async () => {
    const alive = await target.deploy({
      environmentId: 'pr-5',
      source: { repository, ref: 'main' },
    });
    const dead = await target.deploy({
      environmentId: 'pr-6',
      source: { repository, ref: 'main' },
    });
    process.kill(-Number(dead.details.pid), 'SIGKILL');
    await new Promise(done => setTimeout(done, 200));

    const restarted = newTarget();
    const { adopted, reaped } = await restarted.recover();

    expect(adopted).toEqual([alive]);
    expect(reaped).toEqual(['pr-6']);
    expect(existsSync(join(root, 'work/environments/pr-6'))).toBe(false);
    expect(await body(alive.url)).toBe('v1');
  });

  describe('a deploy cut off by its backend dying', () => {
    /**
     * What a backend killed while its new version was starting leaves: the
     * version's process group, running, and its record naming the backend.
     */
    function leftByDeployer(environmentId: string, deployerPid: number) {
      const dir = join(root, 'work/environments', environmentId);
      mkdirSync(dir, { recursive: true });
      const worktree = join(dir, 'cut-off');
      mkdirSync(worktree);
      const orphan = spawn('sleep', ['300'], {
        detached: true,
        stdio: 'ignore',
      });
      orphan.unref();
      writeFileSync(
        join(dir, 'starting-cut-off.json'),
        JSON.stringify({
          environmentId,
          repository,
          version: 'x',
          worktree,
          logFile: `${worktree}.log`,
          startedAt: new Date().toISOString(),
          pid: orphan.pid,
          deployerPid,
        }),
      );
      return orphan.pid!;
    }
    /** The pid of a process that has exited. */
    const deadPid = () => spawnSync('true').pid!;

    it('retires the half-started version before deploying, so one process serves', async () => {
      const orphan = leftByDeployer('pr-8', deadPid());

      const deployment = await target.deploy({
        environmentId: 'pr-8',
        source: { repository, ref: 'main' },
      });

      expect(isGroupAlive(orphan)).toBe(false);
      expect(await body(deployment.url)).toBe('v1');
      expect(
        readdirSync(join(root, 'work/environments/pr-8')).filter(file =>
          file.startsWith('starting-'),
        ),
      ).toEqual([]);
    });

    it('retires it on teardown and on recovery, but not while its backend lives', async () => {
      const fromDead = leftByDeployer('pr-9', deadPid());
      const stillStarting = leftByDeployer('pr-10', process.ppid);

      await newTarget().recover();
      expect(isGroupAlive(fromDead)).toBe(false);
      expect(isGroupAlive(stillStarting)).toBe(true);

      const other = leftByDeployer('pr-11', deadPid());
      await target.teardown('pr-11');
      expect(isGroupAlive(other)).toBe(false);
      process.kill(-stillStarting, 'SIGKILL');
    });
  });

  it('refuses bad environment ids and refs before touching anything', async () => {
    await expect(
      target.deploy({
        environmentId: '../etc',
        source: { repository, ref: 'main' },
      }),
    ).rejects.toThrow('not a valid environment id');
    await expect(
      target.deploy({
        environmentId: 'pr-7',
        source: { repository, ref: '--upload-pack=touch /tmp/x' },
      }),
    ).rejects.toThrow('is not a valid git ref');
    await expect(
      target.deploy({
        environmentId: 'pr-7',
        source: { repository, ref: 'no-such-branch' },
      }),
    ).rejects.toThrow('names no commit');
    expect(existsSync(join(root, 'work/environments/pr-7'))).toBe(false);
  });
});
