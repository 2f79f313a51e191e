import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** What is kept on disk about an environment's running version. */
export type LocalState = {
  environmentId: string;
  repository: string;
  version: string;
  port: number;
  pid: number;
  worktree: string;
  logFile: string;
  startedAt: string;
};

/**
 * A version being started and not yet healthy, recorded before anything is
 * made: when the backend that started it dies mid-deploy, the next deploy
 * or teardown of the environment, or the next recovery, retires it instead
 * of leaving a second process serving the environment.
 */
export type StartingVersion = Omit<LocalState, 'pid' | 'port'> & {
  pid?: number;
  port?: number;
  /** The backend process that is starting it. */
  deployerPid: number;
};

/** Names the records of versions being started: `starting-<release>.json`. */
const STARTING_PREFIX = 'starting-';

/**
 * The local target's records, a folder per environment under
 * `<workDir>/environments`: `state.json` for the version that serves, a
 * `starting-<release>.json` for each version being started. Files are
 * written beside and renamed into place, so none is ever read half-written.
 */
export class LocalStateFiles {
  private readonly environmentsDir: string;

  constructor(workDir: string) {
    this.environmentsDir = join(workDir, 'environments');
    mkdirSync(this.environmentsDir, { recursive: true });
  }

  /** Where the environment's records, worktrees and logs are. */
  environmentDir(environmentId: string) {
    return join(this.environmentsDir, environmentId);
  }

  environmentIds(): string[] {
    return readdirSync(this.environmentsDir);
  }

  read(environmentId: string): LocalState | undefined {
    try {
      return JSON.parse(readFileSync(this.statePath(environmentId), 'utf8'));
    } catch {
      return undefined;
    }
  }

  write(state: LocalState) {
    const path = this.statePath(state.environmentId);
    writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${path}.tmp`, path);
  }

  all(): LocalState[] {
    return this.environmentIds()
      .map(environmentId => this.read(environmentId))
      .filter((state): state is LocalState => state !== undefined);
  }

  /** Removes everything of the environment: records, worktrees, logs. */
  remove(environmentId: string) {
    rmSync(this.environmentDir(environmentId), {
      recursive: true,
      force: true,
    });
  }

  writeStarting(releaseName: string, starting: StartingVersion) {
    const path = this.startingPath(releaseName, starting.environmentId);
    mkdirSync(this.environmentDir(starting.environmentId), { recursive: true });
    writeFileSync(`${path}.tmp`, JSON.stringify(starting, null, 2));
    renameSync(`${path}.tmp`, path);
  }

  removeStarting(releaseName: string, environmentId: string) {
    rmSync(this.startingPath(releaseName, environmentId), { force: true });
  }

  /** The environment's versions being started, by release name. */
  startingVersions(environmentId: string): Array<[string, StartingVersion]> {
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

  private statePath(environmentId: string) {
    return join(this.environmentDir(environmentId), 'state.json');
  }

  private startingPath(releaseName: string, environmentId: string) {
    return join(
      this.environmentDir(environmentId),
      `${STARTING_PREFIX}${releaseName}.json`,
    );
  }
}
