// ./scripts/start-cloud-local: the cloud stand-ins (stack.mjs), then
// `backstage-cli repo start` with app-config.yaml, app-config.cloud-local.yaml
// and what the stack learnt at start. Each start begins empty: moto keeps
// its state in memory, so the profile's registry (data/cloud-local) is
// cleared, and the PostgreSQL databases and roles its previous run's
// tenants were given are dropped, by the names the registry's ledger
// recorded.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../lib/servePortal.mjs';
import {
  dropPreviousReviewEnvironmentDatabases,
  dropPreviousTenantDatabases,
} from './previousRun.mjs';
import { startCloudStack } from './stack.mjs';

const dataDir = resolve(REPO_ROOT, 'data/cloud-local');
const log = line => console.log(`[cloud-local] ${line}`);
const postgresUrl =
  process.env.CLOUD_LOCAL_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432';

let stack;
let portal;
const stopAll = async () => {
  portal?.kill('SIGTERM');
  await stack?.stop();
};
process.on('SIGINT', () => stopAll().then(() => process.exit(130)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(143)));

try {
  if (existsSync(dataDir)) {
    const dropped = await dropPreviousTenantDatabases(
      resolve(dataDir, 'sqlite'),
      new URL(postgresUrl),
    );
    if (dropped.length > 0) {
      log(`dropped the previous run's tenant databases: ${dropped.join(', ')}`);
    }
    const droppedReview = await dropPreviousReviewEnvironmentDatabases(
      resolve(dataDir, 'sqlite'),
      new URL(postgresUrl),
    );
    if (droppedReview.length > 0) {
      log(
        `dropped the previous run's review environment databases: ${droppedReview.join(
          ', ',
        )}`,
      );
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(resolve(dataDir, 'sqlite'), { recursive: true });
  mkdirSync(resolve(dataDir, 'scaffolder-workspace'), { recursive: true });
  // The profile's own registry and files, apart from the embedded default's.
  const dataConfig = resolve(dataDir, 'app-config.data.yaml');
  writeFileSync(
    dataConfig,
    JSON.stringify({
      backend: {
        database: {
          client: 'better-sqlite3',
          connection: { directory: resolve(dataDir, 'sqlite') },
        },
        workingDirectory: resolve(dataDir, 'scaffolder-workspace'),
      },
      tenantScaffolder: { dataDir: resolve(dataDir, 'tenants') },
    }),
  );
  const stackConfig = resolve(dataDir, 'app-config.stack.yaml');
  stack = await startCloudStack({ configFile: stackConfig, postgresUrl, log });

  log(
    'Starting the portal: http://localhost:3000 (backend http://localhost:7007); Ctrl-C stops it',
  );
  portal = spawn(
    'yarn',
    [
      'backstage-cli',
      'repo',
      'start',
      ...[
        resolve(REPO_ROOT, 'app-config.yaml'),
        resolve(REPO_ROOT, 'app-config.cloud-local.yaml'),
        dataConfig,
        stackConfig,
      ].flatMap(file => ['--config', file]),
      ...process.argv.slice(2),
    ],
    { cwd: REPO_ROOT, stdio: 'inherit' },
  );
  const code = await new Promise(done => portal.once('exit', done));
  await stack.stop();
  process.exit(code ?? 1);
} catch (error) {
  console.error(`[cloud-local] ${error.message ?? error}`);
  await stopAll();
  process.exit(1);
}
