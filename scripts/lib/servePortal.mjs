// Starts the portal as a user gets it in production: the app's production
// bundle served by the backend, on its own port and with a fresh SQLite data
// folder under .cache/, so a running development portal is left alone.
// Used by the journey tests (scripts/e2e/serve-portal.mjs) and benchmarks.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ensureDemoRepositories } from './demoRepositories.mjs';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(
  resolve(REPO_ROOT, 'packages/backend/package.json'),
);

export function buildApp({ log = console.log } = {}) {
  log('[portal] building the app bundle (packages/app/dist)');
  const build = spawnSync('yarn', ['workspace', 'app', 'build'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`app build failed:\n${build.stdout}\n${build.stderr}`);
  }
}

/**
 * Starts the backend serving the built app; resolves once it is ready.
 * `database` replaces the run's own SQLite folder (e.g. a shared PostgreSQL);
 * `config` and `extraConfigFiles` are added on top of app-config.yaml.
 * `production` runs the backend as a deployment does: NODE_ENV=production,
 * JSON logs, error bodies without stacks, no file watching and no
 * source-map rewriting of stack traces (which the development server does
 * for every error it creates). The guest sign-in refuses to work then, so
 * only callers with static tokens use it.
 * @returns {{ url: string, stop: () => Promise<void>, processGroup: number }}
 */
export async function startPortal({
  port,
  name = `run-${process.pid}`,
  database,
  config,
  extraConfigFiles = [],
  log = console.log,
  readyTimeoutMs = 240_000,
  production = false,
}) {
  ensureDemoRepositories();
  const runDir = resolve(REPO_ROOT, '.cache/portal-runs', name);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(resolve(runDir, 'sqlite'), { recursive: true });
  mkdirSync(resolve(runDir, 'scaffolder-workspace'), { recursive: true });

  const url = `http://localhost:${port}`;
  const runConfig = {
    app: { baseUrl: url },
    backend: {
      baseUrl: url,
      listen: { port },
      cors: { origin: url },
      database: database ?? {
        client: 'better-sqlite3',
        connection: { directory: resolve(runDir, 'sqlite') },
      },
      workingDirectory: resolve(runDir, 'scaffolder-workspace'),
    },
    reviewEnvs: { local: { workDir: resolve(runDir, 'review-envs') } },
    tenantScaffolder: { dataDir: resolve(runDir, 'tenants') },
  };
  // JSON is YAML: one config file for this run, one for the caller's additions.
  const configFile = resolve(runDir, 'app-config.run.yaml');
  writeFileSync(configFile, JSON.stringify(runConfig, null, 2));
  const callerConfigFile = resolve(runDir, 'app-config.caller.yaml');
  writeFileSync(callerConfigFile, JSON.stringify(config ?? {}, null, 2));

  const configArgs = [
    resolve(REPO_ROOT, 'app-config.yaml'),
    configFile,
    callerConfigFile,
    ...extraConfigFiles.map(file => resolve(REPO_ROOT, file)),
  ].flatMap(file => ['--config', file]);
  const backend = production
    ? spawn(
        process.execPath,
        [
          '--require',
          require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
          'src/index.ts',
          ...configArgs,
        ],
        {
          cwd: resolve(REPO_ROOT, 'packages/backend'),
          env: { ...process.env, NODE_ENV: 'production' },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        },
      )
    : spawn('yarn', ['workspace', 'backend', 'start', ...configArgs], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
  const output = [];
  const keep = chunk => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  backend.stdout.on('data', keep);
  backend.stderr.on('data', keep);

  const stop = async () => {
    if (backend.exitCode !== null) return;
    const exited = new Promise(done => backend.once('exit', done));
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-backend.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
    stopLocalEnvironments(resolve(runDir, 'review-envs'));
    stopLocalEnvironments(resolve(runDir, 'tenants/services'));
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) {
      throw new Error(
        `the backend exited with code ${backend.exitCode}:\n${output.join('')}`,
      );
    }
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) {
        log(`[portal] ready at ${url}`);
        return { url, stop, output, processGroup: backend.pid };
      }
    } catch {
      // not listening yet
    }
    await new Promise(done => setTimeout(done, 1000));
  }
  await stop();
  throw new Error(
    `the backend was not ready within ${readyTimeoutMs} ms:\n${output.join(
      '',
    )}`,
  );
}

/**
 * Review environments and tenants' services on the local target outlive the
 * backend by design (a restarted portal adopts them); a finished run stops
 * the ones it started.
 */
export function stopLocalEnvironments(workDir) {
  const environmentsDir = resolve(workDir, 'environments');
  if (!existsSync(environmentsDir)) return;
  for (const environment of readdirSync(environmentsDir)) {
    const dir = resolve(environmentsDir, environment);
    // The running version, and any whose deploy was cut off.
    const records = readdirSync(dir).filter(
      file => file === 'state.json' || /^starting-.*\.json$/.test(file),
    );
    for (const record of records) {
      try {
        const { pid } = JSON.parse(readFileSync(resolve(dir, record), 'utf8'));
        if (pid > 0) process.kill(-pid, 'SIGKILL');
      } catch {
        // unreadable, or already stopped
      }
    }
  }
}
