// Playwright's webServer for the journey tests: builds the app, then serves
// it from a backend with fresh data until Playwright stops this process.
// PORTAL_E2E_PROFILE=cloud-local serves it on the cloud-local profile
// instead: the cloud stand-ins (moto_server, Cloudflare, load balancer)
// started first, the tenants' PostgreSQL databases dropped at the end.
import { resolve } from 'node:path';
import {
  dropPreviousReviewEnvironmentDatabases,
  dropPreviousTenantDatabases,
} from '../cloud-local/previousRun.mjs';
import { startCloudStack } from '../cloud-local/stack.mjs';
import { REPO_ROOT, buildApp, startPortal } from '../lib/servePortal.mjs';

const port = Number(process.env.PORTAL_E2E_PORT ?? 7017);
const cloud = process.env.PORTAL_E2E_PROFILE === 'cloud-local';
// PORTAL_E2E_NAME: another data folder, for a second run beside one under way.
const name = process.env.PORTAL_E2E_NAME ?? (cloud ? 'e2e-cloud' : 'e2e');
const postgresUrl =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

if (process.env.PORTAL_E2E_SKIP_BUILD !== '1') buildApp();
const stackConfig = resolve(REPO_ROOT, `.cache/portal-runs/${name}-stack.yaml`);
const stack = cloud
  ? await startCloudStack({ configFile: stackConfig, postgresUrl })
  : undefined;
const portal = await startPortal({
  port,
  name,
  extraConfigFiles: [
    'e2e/app-config.e2e.yaml',
    ...(cloud ? ['app-config.cloud-local.yaml', stackConfig] : []),
  ],
});
process.stdout.write(portal.output.join(''));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await portal.stop();
    if (stack) {
      await stack.stop();
      // What a journey that failed half-way left in the real PostgreSQL.
      await dropPreviousTenantDatabases(
        resolve(REPO_ROOT, `.cache/portal-runs/${name}/sqlite`),
        new URL(postgresUrl),
      );
      await dropPreviousReviewEnvironmentDatabases(
        resolve(REPO_ROOT, `.cache/portal-runs/${name}/sqlite`),
        new URL(postgresUrl),
      );
    }
    process.exit(0);
  });
}
