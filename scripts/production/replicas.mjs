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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../lib/servePortal.mjs';
import { prepareReplicaRun } from './replicaSet.mjs';

const PLUGINS_WITH_HEALTH = [
  'tenant-scaffolder',
  'release-watch',
  'review-envs',
];
const runDir = resolve(REPO_ROOT, '.cache/portal-runs/production');
const prefix = `portal_prod_${Date.now().toString(36)}_`;

const log = line => console.log(line);
const problems = [];
const check = (ok, what) => {
  log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
  if (!ok) problems.push(what);
};

const { postgres, set } = await prepareReplicaRun({
  prefix,
  runDir,
  log,
  label: '[production]',
});
const { replicas } = set;
try {
  await set.startAll();

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
    const script = html.match(/<script[^>]*\bsrc="([^"]+\.js)"/)?.[1];
    const asset =
      script &&
      (await fetch(new URL(script, replica.url), {
        headers: { 'accept-encoding': 'br' },
      }));
    // The backend's own middleware also sends Brotli; the build-time copy
    // is the one with an ETag of its content hash and a year of caching.
    const etag = asset?.headers.get('etag') ?? '';
    const cacheControl = asset?.headers.get('cache-control') ?? '';
    check(
      asset?.ok && etag.endsWith('-br"') && cacheControl.includes('immutable'),
      `replica ${name}: sends ${script} as its build-time Brotli copy (${
        asset?.status
      }, ETag ${etag || 'none'}, Cache-Control ${cacheControl || 'none'})`,
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
    // PORTAL_E2E_NAME: journeys that place a file in the portal's data
    // folder (a tenant's database to seed from) find the replicas' here.
    env: {
      ...process.env,
      PORTAL_E2E_URL: replicas.A.url,
      PORTAL_E2E_NAME: 'production',
    },
  });
  check(journeys.status === 0, 'journeys against replica A');
} catch (error) {
  problems.push(String(error?.message ?? error));
  console.error(error);
} finally {
  await set.cleanUp();
  await postgres.dropDatabases();
}

if (problems.length > 0) {
  console.error(`[production] FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
log('[production] two replicas on PostgreSQL: all checks passed');

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
  try {
    const rows = await postgres.query(
      database,
      'select name from knex_migrations',
    );
    return rows.map(row => row.name);
  } catch (error) {
    return [`(${database}: ${error.message})`];
  }
}
