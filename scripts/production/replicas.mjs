// A step of ./scripts/test: the portal as a company deploys it. The
// production bundle (yarn build:backend, installed as the Dockerfile does)
// runs as two replicas on two ports against one PostgreSQL. Checks that
// each replica answers every plugin's health check and that every plugin's
// migrations ran on PostgreSQL, then runs the journeys against replica A
// while replica B shares the background work (scheduler tasks, the tenant
// module's deprovisioning, fleet upgrades).
//   node scripts/production/replicas.mjs   (PostgreSQL from BENCH_POSTGRES_URL
//   or postgresql://postgres@127.0.0.1:5432; its databases are dropped after)
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { benchPostgres } from '../lib/benchPostgres.mjs';
import {
  buildBundle,
  installBundle,
  postgresEnv,
  startBundle,
} from '../lib/productionBundle.mjs';
import { REPO_ROOT, stopLocalEnvironments } from '../lib/servePortal.mjs';

const PORTS = { A: 7027, B: 7028 };
const PLUGINS_WITH_HEALTH = [
  'tenant-scaffolder',
  'release-watch',
  'review-envs',
];
const runDir = resolve(REPO_ROOT, '.cache/portal-runs/production');
const bundleDir = resolve(REPO_ROOT, '.cache/production/bundle');
const prefix = `portal_prod_${Date.now().toString(36)}_`;
const postgres = benchPostgres(prefix);
const pgUrl =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

const log = line => console.log(line);
const problems = [];
const check = (ok, what) => {
  log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
  if (!ok) problems.push(what);
};

if (!(await postgres.reachable())) {
  console.error(`[production] no PostgreSQL at ${postgres.host}`);
  process.exit(1);
}

buildBundle({ log });
installBundle(bundleDir, { log });

rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
prepareRunFolders();

const replicas = {};
try {
  for (const [name, port] of Object.entries(PORTS)) {
    const url = `http://localhost:${port}`;
    writeFileSync(
      resolve(bundleDir, `app-config.replica-${name}.yaml`),
      JSON.stringify(replicaConfig(name, port), null, 2),
    );
    replicas[name] = await startBundle({
      dir: bundleDir,
      url,
      configFiles: ['app-config.e2e.yaml', `app-config.replica-${name}.yaml`],
      env: {
        ...postgresEnv(pgUrl),
        PORTAL_BASE_URL: url,
        // Production config names a GitHub OAuth app; the journeys sign in
        // as guest and through the proxy header instead.
        AUTH_GITHUB_CLIENT_ID: 'not-used',
        AUTH_GITHUB_CLIENT_SECRET: 'not-used',
      },
      log,
    });
  }

  log('[production] each replica, each plugin');
  for (const [name, replica] of Object.entries(replicas)) {
    for (const plugin of PLUGINS_WITH_HEALTH) {
      const res = await fetch(`${replica.url}/api/${plugin}/health`);
      check(
        res.ok,
        `replica ${name}: /api/${plugin}/health answers ${res.status}`,
      );
    }
    const page = await fetch(replica.url);
    const html = await page.text();
    check(
      page.ok && html.includes('<div id="root">'),
      `replica ${name}: serves the built app (${page.status})`,
    );
  }

  log('[production] migrations on PostgreSQL');
  for (const { pluginId, files } of pluginsWithMigrations()) {
    const applied = await appliedMigrations(`${prefix}${pluginId}`);
    const missing = files.filter(file => !applied.includes(file));
    check(
      missing.length === 0,
      `${pluginId}: ${files.length - missing.length} of ${
        files.length
      } migrations ran${
        missing.length ? ` (missing: ${missing.join(', ')})` : ''
      }`,
    );
  }

  log(`[production] journeys against replica A, replica B beside it`);
  const journeys = spawnSync('yarn', ['playwright', 'test'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, PORTAL_E2E_URL: replicas.A.url },
  });
  check(journeys.status === 0, 'journeys against replica A');
} catch (error) {
  problems.push(String(error?.message ?? error));
  console.error(error);
} finally {
  for (const replica of Object.values(replicas)) await replica.stop();
  stopLocalEnvironments(resolve(runDir, 'review-envs'));
  stopLocalEnvironments(resolve(runDir, 'tenants/services'));
  await postgres.dropDatabases();
}

if (problems.length > 0) {
  console.error(`[production] FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
log('[production] two replicas on PostgreSQL: all checks passed');

/** Each replica's own settings; data folders are shared, like a volume. */
function replicaConfig(name, port) {
  return {
    backend: {
      listen: `:${port}`,
      database: { prefix },
      workingDirectory: resolve(runDir, `scaffolder-workspace-${name}`),
    },
    reviewEnvs: {
      local: {
        workDir: resolve(runDir, 'review-envs'),
        repositories: [{ name: 'local/developer-portal', path: REPO_ROOT }],
      },
    },
    tenantScaffolder: {
      dataDir: resolve(runDir, 'tenants'),
      repositoriesDir: resolve(runDir, 'repositories'),
      provisioning: { deploy: { repository: REPO_ROOT } },
    },
    auth: {
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
  };
}

function prepareRunFolders() {
  writeFileSync(
    resolve(bundleDir, 'app-config.e2e.yaml'),
    readFileSync(resolve(REPO_ROOT, 'e2e/app-config.e2e.yaml')),
  );
  for (const name of Object.keys(PORTS)) {
    mkdirSync(resolve(runDir, `scaffolder-workspace-${name}`), {
      recursive: true,
    });
  }
}

/** Every workspace plugin with a migrations folder, and its migration files. */
function pluginsWithMigrations() {
  return readdirSync(resolve(REPO_ROOT, 'plugins'))
    .map(dir => resolve(REPO_ROOT, 'plugins', dir))
    .filter(dir => existsSync(resolve(dir, 'migrations')))
    .map(dir => ({
      pluginId: JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'))
        .backstage.pluginId,
      files: readdirSync(resolve(dir, 'migrations')).filter(file =>
        file.endsWith('.js'),
      ),
    }));
}

async function appliedMigrations(database) {
  const { default: pg } = await import('pg');
  const env = postgresEnv(pgUrl);
  const client = new pg.Client({
    host: env.POSTGRES_HOST,
    port: Number(env.POSTGRES_PORT),
    user: env.POSTGRES_USER,
    password: env.POSTGRES_PASSWORD,
    database,
  });
  try {
    await client.connect();
    const { rows } = await client.query('select name from knex_migrations');
    return rows.map(row => row.name);
  } catch (error) {
    return [`(${database}: ${error.message})`];
  } finally {
    await client.end().catch(() => {});
  }
}
