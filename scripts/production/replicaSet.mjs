// Two replicas of the production bundle on one PostgreSQL, as a load
// balancer sees them: each on its own port with its own scaffolder
// workspace; data folders shared, like a volume. Used by the replicas step of
// ./scripts/test and by yarn bench:faults.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchPostgres } from '../lib/benchPostgres.mjs';
import {
  buildBundle,
  installBundle,
  postgresEnv,
  startBundle,
} from '../lib/productionBundle.mjs';
import { REPO_ROOT, stopLocalEnvironments } from '../lib/servePortal.mjs';

export const BUNDLE_DIR = resolve(REPO_ROOT, '.cache/production/bundle');
const PORTS = { A: 7027, B: 7028 };

/**
 * What a run on two replicas needs first: PostgreSQL (BENCH_POSTGRES_URL,
 * default postgresql://postgres@127.0.0.1:5432), the bundle built and
 * installed, and the replica set; databases named with `prefix`.
 */
export async function prepareReplicaRun({ prefix, runDir, log, label }) {
  const pgUrl =
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const postgres = benchPostgres(prefix);
  if (!(await postgres.reachable())) {
    console.error(`${label} no PostgreSQL at ${postgres.host}`);
    process.exit(1);
  }
  buildBundle({ log });
  installBundle(BUNDLE_DIR, { log });
  const set = createReplicaSet({ runDir, prefix, pgUrl, log });
  return { postgres, set };
}

/**
 * `runDir` holds the replicas' shared data; `prefix` names their
 * PostgreSQL databases; `extraConfig` is added to each replica's config.
 */
export function createReplicaSet({
  runDir,
  prefix,
  pgUrl,
  extraConfig = {},
  log = console.log,
}) {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  writeFileSync(
    resolve(BUNDLE_DIR, 'app-config.e2e.yaml'),
    readFileSync(resolve(REPO_ROOT, 'e2e/app-config.e2e.yaml')),
  );
  for (const [name, port] of Object.entries(PORTS)) {
    mkdirSync(resolve(runDir, `scaffolder-workspace-${name}`), {
      recursive: true,
    });
    writeFileSync(
      resolve(BUNDLE_DIR, `app-config.replica-${name}.yaml`),
      JSON.stringify(
        deepMerge(replicaConfig({ name, port, runDir, prefix }), extraConfig),
        null,
        2,
      ),
    );
  }

  const replicas = {};
  const running = new Set();
  const set = {
    names: Object.keys(PORTS),
    replicas,
    url: name => `http://localhost:${PORTS[name]}`,
    /** Starts a replica (again); resolves once it is ready. */
    async start(name) {
      const url = set.url(name);
      replicas[name] = await startBundle({
        dir: BUNDLE_DIR,
        url,
        configFiles: ['app-config.e2e.yaml', `app-config.replica-${name}.yaml`],
        env: {
          ...postgresEnv(pgUrl),
          PORTAL_BASE_URL: url,
          // Production config names a GitHub OAuth app; the runs sign in as
          // guest and through the proxy header instead.
          AUTH_GITHUB_CLIENT_ID: 'not-used',
          AUTH_GITHUB_CLIENT_SECRET: 'not-used',
        },
        log,
      });
      const replica = replicas[name];
      running.add(name);
      replica.exited.then(() => {
        if (replicas[name] === replica) running.delete(name);
      });
      return replica;
    },
    isRunning: name => running.has(name),
    async startAll() {
      for (const name of set.names) await set.start(name);
    },
    /** SIGKILL to the replica's process group, as a crashed host would. */
    async kill(name) {
      const replica = replicas[name];
      replica.kill('SIGKILL');
      await replica.exited;
    },
    /** The replica whose backend process has this pid. */
    byPid(pid) {
      return set.names.find(name => replicas[name]?.pid === pid);
    },
    async stopAll() {
      await Promise.all(Object.values(replicas).map(replica => replica.stop()));
    },
    /** Stops the replicas and every local process they started. */
    async cleanUp() {
      await set.stopAll();
      stopLocalEnvironments(resolve(runDir, 'review-envs'));
      stopLocalEnvironments(resolve(runDir, 'tenants/services'));
    },
  };
  return set;
}

/** Each replica's own settings; data folders are shared, like a volume. */
function replicaConfig({ name, port, runDir, prefix }) {
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

function deepMerge(base, extra) {
  const merged = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    merged[key] =
      value && typeof value === 'object' && !Array.isArray(value)
        ? deepMerge(base[key] ?? {}, value)
        : value;
  }
  return merged;
}
