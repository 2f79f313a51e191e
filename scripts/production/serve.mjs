// ./scripts/serve-production: the production bundle on PostgreSQL, in the
// foreground, until Ctrl-C. See that script for its options.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildBundle,
  installBundle,
  startBundle,
} from '../lib/productionBundle.mjs';
import { REPO_ROOT } from '../lib/servePortal.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '7007' },
    config: { type: 'string', multiple: true, default: [] },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a port number, not '${values.port}'`);
  process.exit(2);
}
const missing = ['POSTGRES_HOST', 'POSTGRES_PORT', 'POSTGRES_USER'].filter(
  name => !process.env[name],
);
if (missing.length > 0) {
  console.error(
    `Set ${missing.join(
      ', ',
    )} (and POSTGRES_PASSWORD) to the PostgreSQL the portal keeps its data in, e.g.\n` +
      '  POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=5432 POSTGRES_USER=postgres POSTGRES_PASSWORD= ./scripts/serve-production',
  );
  process.exit(2);
}

const dir = resolve(REPO_ROOT, '.cache/production/serve');
const url = process.env.PORTAL_BASE_URL ?? `http://localhost:${port}`;
buildBundle();
installBundle(dir);
mkdirSync(resolve(dir, 'workspace'), { recursive: true });

const run = {
  backend: { listen: `:${port}`, workingDirectory: resolve(dir, 'workspace') },
};
const env = {
  PORTAL_BASE_URL: url,
  POSTGRES_PASSWORD: process.env.POSTGRES_PASSWORD ?? '',
};
if (!process.env.AUTH_GITHUB_CLIENT_ID) {
  console.log(
    '[production] AUTH_GITHUB_CLIENT_ID is not set: guest sign-in is enabled for this run (never do this where others can reach the portal)',
  );
  Object.assign(env, {
    AUTH_GITHUB_CLIENT_ID: 'not-configured',
    AUTH_GITHUB_CLIENT_SECRET: 'not-configured',
  });
  run.app = { signIn: { providers: ['guest'] } };
  run.auth = {
    providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
  };
}
writeFileSync(
  resolve(dir, 'app-config.serve.yaml'),
  JSON.stringify(run, null, 2),
);
const portal = await startBundle({
  dir,
  url,
  configFiles: [
    'app-config.serve.yaml',
    ...values.config.map(file => resolve(file)),
  ],
  env,
  echo: true,
});
console.log(`[production] the portal is at ${url}; Ctrl-C stops it`);
portal.exited.then(code => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await portal.stop();
    process.exit(0);
  });
}
