import { InputError } from '@backstage/errors';
import { freePort } from '@internal/backend-plugin-utils';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DeployFailedError,
  DeployLog,
  DeployRequest,
  Deployment,
} from '../DeployTarget';
import { assertEnvironmentId } from '../environmentIds';
import { waitForHealthy } from '../healthCheck';
import { SerialDeployTarget } from '../SerialDeployTarget';
import { git, resolveCommit } from './git';
import {
  LocalState,
  LocalStateFiles,
  StartingVersion,
} from './LocalStateFiles';
import {
  isGroupAlive,
  isProcessAlive,
  startGroup,
  stopGroup,
} from './processGroup';

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

/**
 * Runs each environment as a local process group started from a git worktree
 * of the requested commit, on a free port, with its output in a log file.
 * State lives in files under `workDir`, so a restarted portal re-attaches to
 * running versions (or removes dead ones) instead of leaking them.
 */
export class LocalProcessDeployTarget extends SerialDeployTarget {
  readonly type = 'local';

  private readonly files: LocalStateFiles;
  private readonly command: string;
  private readonly healthPath: string;
  private readonly healthTimeoutMs: number;
  private readonly stopTimeoutMs: number;

  constructor(options: LocalProcessDeployTargetOptions) {
    super();
    this.command = options.command;
    this.healthPath = options.healthPath ?? '/';
    this.healthTimeoutMs = options.healthTimeoutMs ?? 60_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
    this.files = new LocalStateFiles(resolve(options.workDir));
  }

  async get(environmentId: string): Promise<Deployment | undefined> {
    assertEnvironmentId(environmentId);
    const state = this.files.read(environmentId);
    return state && isGroupAlive(state.pid) ? toDeployment(state) : undefined;
  }

  async list(): Promise<Deployment[]> {
    return this.files
      .all()
      .filter(state => isGroupAlive(state.pid))
      .map(toDeployment);
  }

  async logs(environmentId: string, maxLines = 200): Promise<string[]> {
    assertEnvironmentId(environmentId);
    const state = this.files.read(environmentId);
    return state ? tail(state.logFile, maxLines) : [];
  }

  async recover(): Promise<{ adopted: Deployment[]; reaped: string[] }> {
    const adopted: Deployment[] = [];
    const reaped: string[] = [];
    for (const environmentId of this.files.environmentIds()) {
      await this.queues.run(environmentId, () =>
        this.retireAbandonedStarts(environmentId),
      );
    }
    for (const state of this.files.all()) {
      if (isGroupAlive(state.pid)) {
        adopted.push(toDeployment(state));
      } else {
        await this.teardown(state.environmentId);
        reaped.push(state.environmentId);
      }
    }
    return { adopted, reaped };
  }

  protected async doDeploy(
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
    const previous = this.files.read(environmentId);
    const releaseName = `${version.slice(0, 12)}-${Date.now()}`;
    const worktree = join(
      this.files.environmentDir(environmentId),
      releaseName,
    );
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
    this.files.writeStarting(releaseName, starting);

    log(`Checking out ${source.ref} (${version.slice(0, 12)}) into a worktree`);
    await git(repository, ['worktree', 'add', '--detach', worktree, version]);

    const port = await freePort();
    log(`Starting '${this.command}' on port ${port}`);
    const started = startGroup(this.command, {
      cwd: worktree,
      env: { ...process.env, ...request.env, PORT: String(port) },
      logFile,
    });

    const state: LocalState = { ...starting, port, pid: started.pid };
    this.files.writeStarting(releaseName, {
      ...state,
      deployerPid: process.pid,
    });

    const unhealthy = await waitForHealthy(
      `http://127.0.0.1:${port}${this.healthPath}`,
      {
        timeoutMs: this.healthTimeoutMs,
        stopped: () => {
          const exitCode = started.exitCode();
          return exitCode === undefined
            ? undefined
            : `the process exited with code ${exitCode} before it answered 200`;
        },
      },
    );
    if (unhealthy) {
      const output = tail(logFile, 50);
      await this.retire(state);
      this.files.removeStarting(releaseName, environmentId);
      log(
        `Deploy failed: ${unhealthy}; ${
          previous
            ? 'the previous version keeps serving'
            : 'nothing was running'
        }`,
      );
      throw new DeployFailedError(`${environmentId}: ${unhealthy}`, output);
    }

    this.files.write(state);
    this.files.removeStarting(releaseName, environmentId);
    log(`Healthy at http://127.0.0.1:${port}${this.healthPath}`);
    if (previous) {
      log(`Retiring the previous version (${previous.version.slice(0, 12)})`);
      await this.retire(previous);
    }
    return toDeployment(state);
  }

  protected async doTeardown(environmentId: string, log: DeployLog) {
    await this.retireAbandonedStarts(environmentId, log);
    const state = this.files.read(environmentId);
    if (state) {
      log(`Stopping ${environmentId} (pid ${state.pid})`);
      await this.retire(state);
    }
    this.files.remove(environmentId);
    log(`${environmentId} is gone`);
  }

  /**
   * Retires the versions whose deploy was cut off: those a dead backend
   * was starting, and ones this backend left behind (its deploys of one
   * environment run one at a time, so none of its own is under way here).
   */
  private async retireAbandonedStarts(environmentId: string, log?: DeployLog) {
    for (const [releaseName, starting] of this.files.startingVersions(
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
      this.files.removeStarting(releaseName, environmentId);
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
