import { InputError } from '@backstage/errors';
import { freePort } from '@internal/backend-plugin-utils';
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DeployFailedError,
  DeployLog,
  DeployRequest,
  DeployTarget,
  Deployment,
} from '../DeployTarget';
import { assertEnvironmentId } from '../environmentIds';
import { waitForHealthy } from '../healthCheck';
import { SerialQueues } from '../SerialQueues';
import { git, resolveCommit } from './git';
import { isGroupAlive, stopGroup } from './processGroup';

export type LocalProcessDeployTargetOptions = {
  /** Folder for worktrees, logs and state, e.g. `data/review-envs`. */
  workDir: string;
  /** Shell command that starts a version; it must listen on `$PORT`. */
  command: string;
  /** Path that must answer 200 before a version is ready. Default `/`. */
  healthPath?: string;
  /** How long a new version may take to become healthy. Default 60 s. */
  healthTimeoutMs?: number;
  /** How long a version may take to stop after SIGTERM. Default 5 s. */
  stopTimeoutMs?: number;
};

/** What is kept on disk about an environment's running version. */
type LocalState = {
  environmentId: string;
  repository: string;
  version: string;
  port: number;
  pid: number;
  worktree: string;
  logFile: string;
  startedAt: string;
};

/** Names the records of versions being started: `starting-<release>.json`. */
const STARTING_PREFIX = 'starting-';

/**
 * A version being started and not yet healthy, recorded before anything is
 * made: when the backend that started it dies mid-deploy, the next deploy
 * or teardown of the environment, or the next recovery, retires it instead
 * of leaving a second process serving the environment.
 */
type StartingVersion = Omit<LocalState, 'pid' | 'port'> & {
  pid?: number;
  port?: number;
  /** The backend process that is starting it. */
  deployerPid: number;
};

/**
 * Runs each environment as a local process group started from a git worktree
 * of the requested commit, on a free port, with its output in a log file.
 * State lives in files under `workDir`, so a restarted portal re-attaches to
 * running versions (or removes dead ones) instead of leaking them.
 */
export class LocalProcessDeployTarget implements DeployTarget {
  readonly type = 'local';

  private readonly workDir: string;
  private readonly command: string;
  private readonly healthPath: string;
  private readonly healthTimeoutMs: number;
  private readonly stopTimeoutMs: number;
  /** Deploys and teardowns of one environment run one at a time. */
  private readonly queues = new SerialQueues();

  constructor(options: LocalProcessDeployTargetOptions) {
    this.workDir = resolve(options.workDir);
    this.command = options.command;
    this.healthPath = options.healthPath ?? '/';
    this.healthTimeoutMs = options.healthTimeoutMs ?? 60_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
    mkdirSync(this.environmentsDir(), { recursive: true });
  }

  async deploy(
    request: DeployRequest,
    log: DeployLog = () => {},
  ): Promise<Deployment> {
    assertEnvironmentId(request.environmentId);
    return this.queues.run(request.environmentId, () =>
      this.doDeploy(request, log),
    );
  }

  async teardown(
    environmentId: string,
    log: DeployLog = () => {},
  ): Promise<void> {
    assertEnvironmentId(environmentId);
    return this.queues.run(environmentId, async () => {
      await this.retireAbandonedStarts(environmentId, log);
      const state = this.readState(environmentId);
      if (state) {
        log(`Stopping ${environmentId} (pid ${state.pid})`);
        await this.retire(state);
      }
      rmSync(this.environmentDir(environmentId), {
        recursive: true,
        force: true,
      });
      log(`${environmentId} is gone`);
    });
  }

  async get(environmentId: string): Promise<Deployment | undefined> {
    assertEnvironmentId(environmentId);
    const state = this.readState(environmentId);
    return state && isGroupAlive(state.pid) ? toDeployment(state) : undefined;
  }

  async list(): Promise<Deployment[]> {
    return this.allStates()
      .filter(state => isGroupAlive(state.pid))
      .map(toDeployment);
  }

  async logs(environmentId: string, maxLines = 200): Promise<string[]> {
    assertEnvironmentId(environmentId);
    const state = this.readState(environmentId);
    return state ? tail(state.logFile, maxLines) : [];
  }

  async recover(): Promise<{ adopted: Deployment[]; reaped: string[] }> {
    const adopted: Deployment[] = [];
    const reaped: string[] = [];
    for (const environmentId of this.environmentIds()) {
      await this.queues.run(environmentId, () =>
        this.retireAbandonedStarts(environmentId),
      );
    }
    for (const state of this.allStates()) {
      if (isGroupAlive(state.pid)) {
        adopted.push(toDeployment(state));
      } else {
        await this.teardown(state.environmentId);
        reaped.push(state.environmentId);
      }
    }
    return { adopted, reaped };
  }

  private async doDeploy(
    request: DeployRequest,
    log: DeployLog,
  ): Promise<Deployment> {
    const { environmentId, source } = request;
    const repository = resolve(source.repository);
    if (!existsSync(join(repository, '.git'))) {
      throw new InputError(`${source.repository} is not a git repository`);
    }
    const version = await resolveCommit(repository, source.ref);
    await this.retireAbandonedStarts(environmentId, log);
    const previous = this.readState(environmentId);
    const releaseName = `${version.slice(0, 12)}-${Date.now()}`;
    const worktree = join(this.environmentDir(environmentId), releaseName);
    const logFile = `${worktree}.log`;
    const starting: StartingVersion = {
      environmentId,
      repository,
      version,
      worktree,
      logFile,
      startedAt: new Date().toISOString(),
      deployerPid: process.pid,
    };
    this.writeStarting(releaseName, starting);

    log(`Checking out ${source.ref} (${version.slice(0, 12)}) into a worktree`);
    await git(repository, ['worktree', 'add', '--detach', worktree, version]);

    const port = await freePort();
    log(`Starting '${this.command}' on port ${port}`);
    const out = openSync(logFile, 'a');
    const child = spawn('/bin/sh', ['-c', this.command], {
      cwd: worktree,
      env: { ...process.env, ...request.env, PORT: String(port) },
      detached: true,
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    child.unref();
    let exitCode: number | null | undefined;
    child.once('exit', code => {
      exitCode = code;
    });
    child.once('error', () => {
      exitCode = -1;
    });

    const state: LocalState = { ...starting, port, pid: child.pid! };
    this.writeStarting(releaseName, { ...state, deployerPid: process.pid });

    const unhealthy = await waitForHealthy(
      `http://127.0.0.1:${port}${this.healthPath}`,
      {
        timeoutMs: this.healthTimeoutMs,
        stopped: () =>
          exitCode === undefined
            ? undefined
            : `the process exited with code ${exitCode} before it answered 200`,
      },
    );
    if (unhealthy) {
      const output = tail(logFile, 50);
      await this.retire(state);
      rmSync(this.startingPath(releaseName, environmentId), { force: true });
      log(
        `Deploy failed: ${unhealthy}; ${
          previous
            ? 'the previous version keeps serving'
            : 'nothing was running'
        }`,
      );
      throw new DeployFailedError(`${environmentId}: ${unhealthy}`, output);
    }

    this.writeState(state);
    rmSync(this.startingPath(releaseName, environmentId), { force: true });
    log(`Healthy at http://127.0.0.1:${port}${this.healthPath}`);
    if (previous) {
      log(`Retiring the previous version (${previous.version.slice(0, 12)})`);
      await this.retire(previous);
    }
    return toDeployment(state);
  }

  /**
   * Retires the versions whose deploy was cut off: those a dead backend
   * was starting, and ones this backend left behind (its deploys of one
   * environment run one at a time, so none of its own is under way here).
   */
  private async retireAbandonedStarts(environmentId: string, log?: DeployLog) {
    for (const [releaseName, starting] of this.startingVersions(
      environmentId,
    )) {
      if (
        starting.deployerPid !== process.pid &&
        isProcessAlive(starting.deployerPid)
      ) {
        continue;
      }
      log?.(
        `Retiring ${releaseName}, whose deploy was cut off${
          starting.pid ? ` (pid ${starting.pid})` : ''
        }`,
      );
      await this.retire(starting);
      rmSync(this.startingPath(releaseName, environmentId), { force: true });
    }
  }

  /** Stops a version and removes its worktree and log. */
  private async retire(
    state: Pick<LocalState, 'repository' | 'worktree' | 'logFile'> & {
      pid?: number;
    },
  ) {
    // Never a pid of 0 or below: as a group, that is this backend's own.
    if (state.pid && state.pid > 0) {
      await stopGroup(state.pid, this.stopTimeoutMs);
    }
    try {
      await git(state.repository, [
        'worktree',
        'remove',
        '--force',
        state.worktree,
      ]);
    } catch {
      rmSync(state.worktree, { recursive: true, force: true });
      await git(state.repository, ['worktree', 'prune']).catch(() => {});
    }
    rmSync(state.logFile, { force: true });
  }

  private environmentsDir() {
    return join(this.workDir, 'environments');
  }

  private environmentDir(environmentId: string) {
    return join(this.environmentsDir(), environmentId);
  }

  private statePath(environmentId: string) {
    return join(this.environmentDir(environmentId), 'state.json');
  }

  private readState(environmentId: string): LocalState | undefined {
    try {
      return JSON.parse(readFileSync(this.statePath(environmentId), 'utf8'));
    } catch {
      return undefined;
    }
  }

  private writeState(state: LocalState) {
    const path = this.statePath(state.environmentId);
    writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${path}.tmp`, path);
  }

  private allStates(): LocalState[] {
    return this.environmentIds()
      .map(environmentId => this.readState(environmentId))
      .filter((state): state is LocalState => state !== undefined);
  }

  private environmentIds(): string[] {
    return readdirSync(this.environmentsDir());
  }

  private startingPath(releaseName: string, environmentId: string) {
    return join(
      this.environmentDir(environmentId),
      `${STARTING_PREFIX}${releaseName}.json`,
    );
  }

  private writeStarting(releaseName: string, starting: StartingVersion) {
    const path = this.startingPath(releaseName, starting.environmentId);
    mkdirSync(this.environmentDir(starting.environmentId), { recursive: true });
    writeFileSync(`${path}.tmp`, JSON.stringify(starting, null, 2));
    renameSync(`${path}.tmp`, path);
  }

  private startingVersions(
    environmentId: string,
  ): Array<[string, StartingVersion]> {
    let files: string[];
    try {
      files = readdirSync(this.environmentDir(environmentId));
    } catch {
      return [];
    }
    const versions: Array<[string, StartingVersion]> = [];
    for (const file of files) {
      if (!file.startsWith(STARTING_PREFIX) || !file.endsWith('.json')) {
        continue;
      }
      try {
        versions.push([
          file.slice(STARTING_PREFIX.length, -'.json'.length),
          JSON.parse(
            readFileSync(
              join(this.environmentDir(environmentId), file),
              'utf8',
            ),
          ),
        ]);
      } catch {
        // half-written by a backend that died: its rename never happened
      }
    }
    return versions;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function toDeployment(state: LocalState): Deployment {
  return {
    environmentId: state.environmentId,
    version: state.version,
    url: `http://127.0.0.1:${state.port}`,
    startedAt: state.startedAt,
    details: { pid: state.pid, port: state.port },
  };
}

function tail(file: string, maxLines: number): string[] {
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.slice(-maxLines);
  } catch {
    return [];
  }
}
