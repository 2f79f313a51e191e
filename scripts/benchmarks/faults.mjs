// yarn bench:faults: the production bundle as two replicas on one
// PostgreSQL, and four faults, each a SIGKILL of the replica doing the work,
// with the other replica left to finish it:
//   1. mid tenant provisioning (its service is being deployed): the
//      scaffolder's task recovery resumes the task on the other replica;
//      the tenant ends ready, or failed and rolled back, with no leftovers;
//   2. mid review environment deploy: the other replica takes the work
//      once the lease runs out; exactly one process serves the environment;
//   3. mid fleet upgrade wave (a tenant's service is being redeployed): the
//      upgrade completes, each tenant upgraded once, none left upgrading;
//   4. mid Release Watch push batch: the client retries the batch on the
//      other replica; every event is stored once, the dashboard's counts
//      exact.
// Which replica does the work is read off what it leaves on disk (the
// local deploy target records which backend starts each version), not
// assumed. After the faults both replicas stop and start again: every
// tenant, environment, lock, event and scheduler task is counted before and
// after, and each environment's process is adopted, or reaped and started
// again when it died while the portal was down.
//
// Prints RESULT faults_survived, duplicates_after_faults and
// data_lost_after_restart. Needs PostgreSQL (BENCH_POSTGRES_URL, default
// postgresql://postgres@127.0.0.1:5432); the databases it creates are
// dropped afterwards.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import {
  guestToken,
  startNewTenant,
  waitForTask,
  waitForTemplate,
} from '../lib/portalApi.mjs';
import { REPO_ROOT } from '../lib/servePortal.mjs';
import {
  deploysUnderWay,
  environmentDir,
  processGroupsIn,
  recordedPid,
} from '../production/localProcesses.mjs';
import { prepareReplicaRun } from '../production/replicaSet.mjs';

const RELEASE_BOT = 'Bearer e2e-release-bot-token-not-a-secret';
const stamp = Date.now().toString(36);
const prefix = `portal_faults_${stamp}_`;
const runDir = resolve(REPO_ROOT, '.cache/portal-runs/faults');
const reviewEnvsDir = resolve(runDir, 'review-envs');
const servicesDir = resolve(runDir, 'tenants/services');

const log = line => console.log(line);
const outcomes = [];
let duplicates = 0;

const { postgres, set } = await prepareReplicaRun({
  prefix,
  runDir,
  log,
  label: '[faults]',
});
let dataLost = 0;
const started = performance.now();
try {
  await set.startAll();
  const token = await guestToken(set.url('A'));
  await waitForTemplate(set.url('A'), token);
  const api = portalApi(token, await proxyToken(set.url('A'), 'ada.lovelace'));

  await fault('tenant provisioning', () => tenantProvisioning(api));
  await fault('review environment deploy', () => reviewEnvironment(api));
  await fault('fleet upgrade wave', () => fleetUpgrade(api));
  await fault('Release Watch push batch', () => pushBatch(api));
  dataLost = await restartBoth(api);
} catch (error) {
  console.error('[faults] the run stopped:', error);
  dataLost = Number.NaN;
} finally {
  await set.cleanUp();
  await postgres.dropDatabases();
}

const survived = outcomes.filter(outcome => outcome.survived).length;
log(
  `[faults] ${survived} of 4 faults survived in ${(
    (performance.now() - started) /
    1000
  ).toFixed(0)} s`,
);
for (const { name, survived: ok, detail } of outcomes) {
  log(`  ${ok ? 'survived' : 'FAILED  '} ${name}: ${detail}`);
}
console.log(`RESULT faults_survived ${survived} count`);
console.log(`RESULT duplicates_after_faults ${duplicates} count`);
console.log(`RESULT data_lost_after_restart ${dataLost} count`);
process.exit(survived === 4 && duplicates === 0 && dataLost === 0 ? 0 : 1);

/** Runs one fault; a thrown error counts as not survived. */
async function fault(name, run) {
  log(`[faults] ${name}`);
  const at = performance.now();
  try {
    const { survived, detail, duplicates: found = 0 } = await run();
    duplicates += found;
    outcomes.push({ name, survived, detail });
  } catch (error) {
    outcomes.push({ name, survived: false, detail: String(error) });
  }
  log(
    `[faults] ${name}: ${outcomes.at(-1).survived ? 'survived' : 'FAILED'} (${(
      (performance.now() - at) /
      1000
    ).toFixed(0)} s)`,
  );
  // The next fault has two replicas again.
  for (const replica of set.names) {
    if (!set.isRunning(replica)) await set.start(replica);
  }
}

/**
 * Waits until a deploy of `environmentId` is under way on one of the
 * replicas, then SIGKILLs that replica; returns its name and the other's.
 */
async function killWhileDeploying(workDir, environmentId, what) {
  const deploy = await waitFor(
    `a deploy of ${environmentId}`,
    () =>
      deploysUnderWay(workDir, environmentId).find(d =>
        set.byPid(d.deployerPid),
      ),
    300_000,
    20,
  );
  const victim = set.byPid(deploy.deployerPid);
  const survivor = set.names.find(name => name !== victim);
  await set.kill(victim);
  log(
    `  SIGKILL replica ${victim} (pid ${deploy.deployerPid}) while it ${what}; ${survivor} is left`,
  );
  return { victim, survivor };
}

async function tenantProvisioning(api) {
  const slug = `fault-new-${stamp}`;
  const taskId = await startNewTenant(set.url('A'), api.token, slug);
  const { survivor } = await killWhileDeploying(
    servicesDir,
    `tenant-${slug}`,
    `deploys ${slug}'s service (task ${taskId})`,
  );
  const task = await waitForTask(set.url(survivor), api.token, taskId);
  const tenant = await api.get(
    survivor,
    `/api/tenant-scaffolder/tenants/${slug}`,
  );
  const live = await liveLedger(api, survivor, slug);
  const serving = processGroupsIn(
    environmentDir(servicesDir, `tenant-${slug}`),
  );
  const detail = `task ${task.status}, tenant ${tenant.status}, ${live} live resource(s), ${serving.length} process group(s) serving`;
  if (tenant.status === 'ready') {
    return {
      survived:
        task.status === 'completed' &&
        serving.length === 1 &&
        serving[0] === recordedPid(servicesDir, `tenant-${slug}`),
      detail,
      duplicates: Math.max(0, serving.length - 1),
    };
  }
  return {
    survived: tenant.status === 'failed' && live === 0 && serving.length === 0,
    detail,
    duplicates: serving.length,
  };
}

async function reviewEnvironment(api) {
  const number = 4242;
  const id = `local-developer-portal-pr-${number}`;
  const headSha = execFileSync('git', ['rev-parse', 'HEAD'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).trim();
  await api.call('A', 'POST', '/api/review-envs/pull-requests', {
    asReleaseBot: true,
    body: {
      repository: 'local/developer-portal',
      number,
      title: 'Fault run',
      branch: 'fault-run',
      headSha,
      author: 'guest',
      open: true,
      labels: ['review'],
    },
  });
  const { survivor } = await killWhileDeploying(
    reviewEnvsDir,
    id,
    `deploys ${id}`,
  );
  const environment = await waitFor(
    `${id} ready on ${survivor}`,
    async () => {
      const env = await api.get(
        survivor,
        `/api/review-envs/environments/${id}`,
      );
      return env.state === 'ready' || env.state === 'failed' ? env : undefined;
    },
    240_000,
  );
  const serving = processGroupsIn(environmentDir(reviewEnvsDir, id));
  const answers = environment.url
    ? (await fetch(environment.url).catch(() => undefined))?.ok === true
    : false;
  return {
    survived:
      environment.state === 'ready' &&
      serving.length === 1 &&
      serving[0] === recordedPid(reviewEnvsDir, id) &&
      answers,
    detail: `${environment.state}, ${
      serving.length
    } process group(s) serving, ${answers ? 'answers' : 'does not answer'} at ${
      environment.url
    }`,
    duplicates: Math.max(0, serving.length - 1),
  };
}

async function fleetUpgrade(api) {
  // Two more tenants beside the first fault's, made without faults.
  const slugs = [`fault-up1-${stamp}`, `fault-up2-${stamp}`];
  const tasks = await Promise.all(
    slugs.map(async slug =>
      waitForTask(
        set.url('A'),
        api.token,
        await startNewTenant(set.url('A'), api.token, slug),
      ),
    ),
  );
  const notReady = tasks.filter(task => task.status !== 'completed');
  if (notReady.length > 0) {
    throw new Error(
      `tenants for the upgrade did not provision: ${notReady
        .map(task => task.log?.join(' / '))
        .join('; ')}`,
    );
  }
  const version = `9.0.${Date.now() % 1000}`;
  const { id: upgradeId } = await api.call(
    'A',
    'POST',
    '/api/tenant-scaffolder/fleet-upgrades',
    { body: { version, concurrency: 1 }, asAdmin: true },
  );
  const upgrade = await api.get(
    'A',
    `/api/tenant-scaffolder/fleet-upgrades/${upgradeId}`,
  );
  // The canary is wave 0; the kill comes while wave 1's first tenant redeploys.
  const canary = upgrade.tenants.find(t => t.wave === 0)?.slug;
  const waveOne = upgrade.tenants.filter(t => t.wave === 1).map(t => t.slug);
  if (!canary || waveOne.length === 0) {
    throw new Error(
      `the upgrade has no wave after its canary: ${JSON.stringify(
        upgrade.tenants,
      )}`,
    );
  }
  const inWave = await waitFor(
    'a wave 1 tenant redeploying',
    () =>
      waveOne.find(slug =>
        deploysUnderWay(servicesDir, `tenant-${slug}`).some(d =>
          set.byPid(d.deployerPid),
        ),
      ),
    300_000,
    20,
  );
  const { survivor } = await killWhileDeploying(
    servicesDir,
    `tenant-${inWave}`,
    `upgrades ${inWave} in wave 1 of fleet upgrade ${upgrade.id}`,
  );
  const done = await waitFor(
    `fleet upgrade ${upgrade.id} to end on ${survivor}`,
    async () => {
      const current = await api.get(
        survivor,
        `/api/tenant-scaffolder/fleet-upgrades/${upgrade.id}`,
      );
      return current.status === 'running' ? undefined : current;
    },
    300_000,
  );
  let upgradedTwice = 0;
  let extraProcesses = 0;
  const problems = [];
  for (const { slug } of done.tenants) {
    const tenant = await api.get(
      survivor,
      `/api/tenant-scaffolder/tenants/${slug}`,
    );
    const history = await api.get(
      survivor,
      `/api/tenant-scaffolder/tenants/${slug}/history`,
    );
    const upgrades = history.items.filter(
      event => event.action === 'version-changed',
    ).length;
    const serving = processGroupsIn(
      environmentDir(servicesDir, `tenant-${slug}`),
    );
    if (upgrades > 1) upgradedTwice += upgrades - 1;
    if (serving.length > 1) extraProcesses += serving.length - 1;
    if (
      tenant.status !== 'ready' ||
      tenant.version !== version ||
      upgrades !== 1
    ) {
      problems.push(
        `${slug} ${tenant.status} on ${tenant.version}, upgraded ${upgrades} time(s)`,
      );
    }
    if (
      serving.length !== 1 ||
      serving[0] !== recordedPid(servicesDir, `tenant-${slug}`)
    ) {
      problems.push(`${slug} served by ${serving.length} process group(s)`);
    }
  }
  const attempts = done.tenants.map(
    t => `${t.slug.replace(`-${stamp}`, '')}×${t.attempts}`,
  );
  return {
    survived: done.status === 'completed' && problems.length === 0,
    detail: `upgrade ${done.status}, ${done.counts.succeeded} of ${
      done.counts.total
    } on ${version} (attempts ${attempts.join(', ')})${
      problems.length ? `; ${problems.join('; ')}` : ''
    }`,
    duplicates: upgradedTwice + extraProcesses,
  };
}

async function pushBatch(api) {
  const environment = `fault-run-${stamp}`;
  const now = Date.now();
  const batch = size =>
    Array.from({ length: size }, (_, i) => ({
      id: `fault-${stamp}-${size}-${i}`,
      kind: 'deployment',
      at: new Date(now - (i % (28 * 24)) * 3_600_000).toISOString(),
      entityRef: 'component:default/workspace-api',
      environment,
      production: true,
      status: 'success',
      version: `1.0.${i}`,
    }));
  // A batch large enough that the kill lands while the replica works on it;
  // when the answer came first, the next attempt is larger.
  for (const size of [4000, 10_000]) {
    const events = batch(size);
    const first = await postKilledMidway('A', events);
    if (!first.cutOff) {
      log(
        `  replica A answered a batch of ${size} before the kill; a larger one`,
      );
      await set.start('A');
      continue;
    }
    log(
      `  SIGKILL replica A ${first.afterMs} ms into a batch of ${size} events; the client retries on B`,
    );
    let retried;
    for (let attempt = 1; attempt <= 5 && !retried; attempt++) {
      try {
        retried = await api.call('B', 'POST', '/api/release-watch/events', {
          asReleaseBot: true,
          body: events,
        });
      } catch (error) {
        log(`  retry ${attempt} failed: ${error.message}`);
        await new Promise(done => setTimeout(done, 1000));
      }
    }
    const again = await api.call('B', 'POST', '/api/release-watch/events', {
      asReleaseBot: true,
      body: events,
    });
    const stored = await countRows(
      'release-watch',
      'select count(*) as n from release_watch_events where id like $1',
      [`fault-${stamp}-${size}-%`],
    );
    const shown = await api.get(
      'B',
      `/api/release-watch/deployments?entityRef=component:default/workspace-api&period=week`,
    );
    const counted =
      shown.environments.find(e => e.environment === environment)?.total ?? 0;
    return {
      survived: stored === size && counted === size && again.accepted === 0,
      detail: `retry accepted ${
        retried?.accepted
      } (the cut-off batch had stored ${
        size - (retried?.accepted ?? 0)
      }), a third push ${
        again.accepted
      }; ${stored} of ${size} stored, the dashboard counts ${counted}`,
      duplicates: Math.max(0, stored - size) + Math.max(0, counted - size),
    };
  }
  throw new Error('replica A answered every batch before it was killed');
}

/**
 * POSTs a batch to a replica and SIGKILLs it once the request is sent;
 * `cutOff` says the replica died before it answered.
 */
async function postKilledMidway(name, events) {
  const body = JSON.stringify(events);
  const sentAt = performance.now();
  const response = fetch(`${set.url(name)}/api/release-watch/events`, {
    method: 'POST',
    headers: { Authorization: RELEASE_BOT, 'Content-Type': 'application/json' },
    body,
  }).then(
    res => ({ answered: true, status: res.status }),
    () => ({ answered: false }),
  );
  // The body is some hundreds of kilobytes on loopback: sent within a few
  // milliseconds; parsing, attribution and the transaction take longer.
  await new Promise(done => setTimeout(done, 150));
  const early = await Promise.race([
    response,
    new Promise(done => setTimeout(() => done(undefined), 0)),
  ]);
  await set.kill(name);
  const outcome = early ?? (await response);
  return {
    cutOff: !outcome.answered,
    afterMs: Math.round(performance.now() - sentAt),
  };
}

/**
 * Stops both replicas and starts them again, counting what the database
 * and the operating system hold before and after. One review environment's
 * process dies while the portal is down: it must be reaped and deployed
 * again; every other process is adopted as it is.
 */
async function restartBoth(api) {
  log('[faults] both replicas stop and start again');
  await api.call('A', 'POST', '/api/review-envs/locks/staging/claim', {
    asReleaseBot: true,
    body: { reason: 'held across the restart', durationMinutes: 120 },
  });
  const before = await snapshot();
  const processesBefore = localProcesses();
  await set.stopAll();

  const reviewIds = Object.keys(processesBefore).filter(key =>
    key.startsWith('review-envs/'),
  );
  const dying = reviewIds[0];
  if (dying) {
    for (const group of processesBefore[dying]) process.kill(-group, 'SIGKILL');
    log(`  ${dying}'s process died while the portal was down`);
  }
  await set.startAll();
  const restartedApi = portalApi(
    await guestToken(set.url('A')),
    api.adminToken,
  );
  if (dying) {
    const id = dying.split('/')[1];
    await waitFor(
      `${id} deployed again`,
      async () => {
        const env = await restartedApi.get(
          'B',
          `/api/review-envs/environments/${id}`,
        );
        return (
          env.state === 'ready' &&
          processGroupsIn(environmentDir(reviewEnvsDir, id)).length === 1
        );
      },
      180_000,
    );
  }
  const after = await snapshot();
  const processesAfter = localProcesses();

  let lost = 0;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    if (before[key] !== after[key]) {
      lost += 1;
      log(`  changed: ${key}: ${before[key]} before, ${after[key]} after`);
    }
  }
  for (const [key, groups] of Object.entries(processesBefore)) {
    const now = processesAfter[key] ?? [];
    const expected = key === dying ? 1 : groups.length;
    const adopted = key === dying || now.join() === groups.join();
    if (now.length !== expected || !adopted) {
      lost += 1;
      log(
        `  ${key}: served by ${groups.join(',')} before, ${
          now.join(',') || 'nothing'
        } after`,
      );
    }
  }
  log(
    `  ${Object.keys(before).length} counts compared, ${
      Object.keys(processesBefore).length
    } local processes (${
      Object.keys(processesBefore).length - (dying ? 1 : 0)
    } adopted, ${dying ? 1 : 0} reaped and started again); ${lost} differ`,
  );
  return lost;
}

/** Rows the portal keeps, counted per table and state, in every plugin's database. */
async function snapshot() {
  const counts = {};
  const queries = {
    'tenant-scaffolder': [
      'select status as k, count(*) as n from tenants group by status',
      'select step as k, count(*) as n from tenant_ledger group by step',
      "select 'secrets' as k, count(*) as n from tenant_secrets",
      'select status as k, count(*) as n from fleet_upgrades group by status',
      'select status as k, count(*) as n from fleet_upgrade_tenants group by status',
    ],
    'review-envs': [
      'select state as k, count(*) as n from review_envs_environments group by state',
      "select name || ' held by ' || coalesce(holder, 'nobody') as k, count(*) as n from review_envs_locks group by name, holder",
      "select 'queued' as k, count(*) as n from review_envs_lock_queue",
      "select 'pull requests' as k, count(*) as n from review_envs_pull_requests",
    ],
    'release-watch': [
      'select kind as k, count(*) as n from release_watch_events group by kind',
      'select metric as k, count(*) as n from release_watch_measurements group by metric',
    ],
    scaffolder: [
      'select status as k, count(*) as n from tasks group by status',
    ],
  };
  for (const [pluginId, sqls] of Object.entries(queries)) {
    const [{ scheduled }] = await rows(
      pluginId,
      "select to_regclass('backstage_backend_tasks__tasks') is not null as scheduled",
    );
    for (const sql of [
      ...sqls,
      ...(scheduled
        ? ['select id as k, 1 as n from backstage_backend_tasks__tasks']
        : []),
    ]) {
      for (const row of await rows(pluginId, sql)) {
        counts[`${pluginId}: ${sql.match(/from (\w+)/)[1]}: ${row.k}`] = Number(
          row.n,
        );
      }
    }
  }
  return counts;
}

/** Each local environment's serving process groups, as the OS sees them. */
function localProcesses() {
  const result = {};
  for (const [kind, workDir] of [
    ['review-envs', reviewEnvsDir],
    ['tenants', servicesDir],
  ]) {
    let ids = [];
    try {
      ids = execFileSync('ls', [resolve(workDir, 'environments')], {
        encoding: 'utf8',
      })
        .split('\n')
        .filter(Boolean);
    } catch {
      // none yet
    }
    for (const id of ids) {
      const groups = processGroupsIn(environmentDir(workDir, id));
      if (groups.length > 0) result[`${kind}/${id}`] = groups;
    }
  }
  return result;
}

async function rows(pluginId, sql, params = []) {
  return postgres.query(`${prefix}${pluginId}`, sql, params);
}

async function countRows(pluginId, sql, params) {
  return Number((await rows(pluginId, sql, params))[0].n);
}

async function liveLedger(api, name, slug) {
  const ledger = await api.get(
    name,
    `/api/tenant-scaffolder/tenants/${slug}/ledger`,
  );
  return ledger.items.filter(entry => !entry.removedAt).length;
}

/**
 * A portal admin's token: the journeys' portal config signs in whoever
 * oauth2-proxy vouches for with x-forwarded-user (app-config.e2e.yaml).
 */
async function proxyToken(url, userName) {
  const res = await fetch(`${url}/api/auth/oauth2Proxy/refresh`, {
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      'x-forwarded-user': userName,
    },
  });
  if (!res.ok) {
    throw new Error(
      `${userName} could not sign in: ${res.status} ${await res.text()}`,
    );
  }
  return (await res.json()).backstageIdentity.token;
}

/** Calls as guest, as `adminToken`'s user (asAdmin) or as the release bot. */
function portalApi(token, adminToken) {
  const call = async (
    name,
    method,
    path,
    { body, asReleaseBot, asAdmin } = {},
  ) => {
    const bearer = asReleaseBot
      ? RELEASE_BOT
      : `Bearer ${asAdmin ? adminToken : token}`;
    const res = await fetch(`${set.url(name)}${path}`, {
      method,
      headers: {
        Authorization: bearer,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(
        `${method} ${path} on ${name}: ${res.status} ${text.slice(0, 300)}`,
      );
    }
    return text ? JSON.parse(text) : undefined;
  };
  return {
    token,
    adminToken,
    call,
    get: (name, path) => call(name, 'GET', path),
  };
}

async function waitFor(what, probe, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value) return value;
    await new Promise(done => setTimeout(done, intervalMs));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}
