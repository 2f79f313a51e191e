// The portal as packages/backend/Dockerfile deploys it, without Docker: the
// backend's skeleton and bundle archives (yarn build:backend) unpacked into a
// folder of their own, production dependencies installed there offline from
// the clone's Yarn cache, and `node packages/backend` started from that
// folder with app-config.yaml + app-config.production.yaml.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPO_ROOT, buildApp } from './servePortal.mjs';

const DIST = resolve(REPO_ROOT, 'packages/backend/dist');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${
        result.stdout
      }\n${result.stderr}`.slice(-8000),
    );
  }
  return result.stdout;
}

/** The app's bundle, then the backend's skeleton and bundle archives. */
export function buildBundle({ log = console.log } = {}) {
  buildApp({ log });
  log('[production] yarn build:backend (skeleton.tar.gz, bundle.tar.gz)');
  run('yarn', ['build:backend']);
}

/**
 * Unpacks the archives into `dir` as the Dockerfile does and installs the
 * production dependencies offline. node_modules is kept from an earlier run
 * when the lockfile and the skeleton are the same.
 */
export function installBundle(dir, { log = console.log } = {}) {
  for (const archive of ['skeleton.tar.gz', 'bundle.tar.gz']) {
    if (!existsSync(resolve(DIST, archive))) {
      throw new Error(`${archive} is missing: run yarn build:backend first`);
    }
  }
  const stamp = createHash('sha256')
    .update(readFileSync(resolve(REPO_ROOT, 'yarn.lock')))
    .update(readFileSync(resolve(DIST, 'skeleton.tar.gz')))
    .digest('hex');
  const stampFile = resolve(dir, 'node_modules/.portal-install-stamp');
  const reuse =
    existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;

  if (!reuse) {
    rmSync(dir, { recursive: true, force: true });
  } else {
    for (const kept of ['packages', 'plugins']) {
      rmSync(resolve(dir, kept), { recursive: true, force: true });
    }
  }
  mkdirSync(resolve(dir, '.yarn'), { recursive: true });
  cpSync(resolve(REPO_ROOT, '.yarn/releases'), resolve(dir, '.yarn/releases'), {
    recursive: true,
  });
  for (const file of [
    '.yarnrc.yml',
    'backstage.json',
    'yarn.lock',
    'package.json',
  ]) {
    cpSync(resolve(REPO_ROOT, file), resolve(dir, file));
  }
  run('tar', ['xzf', resolve(DIST, 'skeleton.tar.gz'), '-C', dir]);
  if (!reuse) {
    log(`[production] installing production dependencies in ${dir} (offline)`);
    run('yarn', ['workspaces', 'focus', '--all', '--production'], {
      cwd: dir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        YARN_CACHE_FOLDER: resolve(REPO_ROOT, '.yarn/cache'),
        YARN_ENABLE_OFFLINE_MODE: '1',
        YARN_ENABLE_IMMUTABLE_INSTALLS: '0',
        ...nodeHeaders(),
      },
    });
    writeFileSync(stampFile, stamp);
  }
  run('tar', ['xzf', resolve(DIST, 'bundle.tar.gz'), '-C', dir]);
  for (const path of [
    'examples',
    'templates',
    'catalog-info.yaml',
    'app-config.yaml',
    'app-config.production.yaml',
  ]) {
    cpSync(resolve(REPO_ROOT, path), resolve(dir, path), { recursive: true });
  }
}

/**
 * Starts `node packages/backend` in `dir` with app-config.yaml,
 * app-config.production.yaml and `configFiles`, with `env` added (the
 * POSTGRES_* variables, PORTAL_BASE_URL); resolves once it is ready.
 * `kill(signal)` sends a signal to the whole process group.
 */
export async function startBundle({
  dir,
  url,
  configFiles = [],
  env = {},
  log = console.log,
  readyTimeoutMs = 240_000,
  /** Also write the backend's output to this process's. */
  echo = false,
}) {
  const args = [
    'packages/backend',
    ...['app-config.yaml', 'app-config.production.yaml', ...configFiles]
      .map(file => resolve(dir, file))
      .flatMap(file => ['--config', file]),
  ];
  const backend = spawn(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = [];
  const keep = chunk => {
    if (echo) process.stdout.write(chunk);
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  backend.stdout.on('data', keep);
  backend.stderr.on('data', keep);
  const exited = new Promise(done => backend.once('exit', done));

  const kill = signal => {
    try {
      process.kill(-backend.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (backend.exitCode !== null || backend.signalCode !== null) return;
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) {
      throw new Error(
        `the backend exited with code ${backend.exitCode}:\n${output
          .join('')
          .slice(-8000)}`,
      );
    }
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) {
        log(`[production] ready at ${url} (pid ${backend.pid})`);
        return { url, pid: backend.pid, stop, kill, exited, output };
      }
    } catch {
      // not listening yet
    }
    await new Promise(done => setTimeout(done, 1000));
  }
  await stop();
  throw new Error(
    `the backend was not ready within ${readyTimeoutMs} ms:\n${output
      .join('')
      .slice(-8000)}`,
  );
}

/**
 * Native modules (better-sqlite3) build against the running Node's headers
 * when they sit beside it, instead of node-gyp downloading them, which
 * fails offline.
 */
function nodeHeaders() {
  if (process.env.npm_config_nodedir) return {};
  const prefix = dirname(dirname(process.execPath));
  return existsSync(resolve(prefix, 'include/node/node.h'))
    ? { npm_config_nodedir: prefix }
    : {};
}

/** The POSTGRES_* variables app-config.production.yaml reads, from a URL. */
export function postgresEnv(url) {
  const parsed = new URL(url);
  return {
    POSTGRES_HOST: parsed.hostname,
    POSTGRES_PORT: parsed.port || '5432',
    POSTGRES_USER: decodeURIComponent(parsed.username || 'postgres'),
    POSTGRES_PASSWORD: decodeURIComponent(parsed.password || ''),
  };
}
