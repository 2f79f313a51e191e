// yarn bench:tenants: the New tenant template through the scaffolder's REST
// API, on the embedded default's local drivers (SQLite files, folders, a zone
// file, config files), against a portal started for the run.
//  - tenant_create_seconds: task submitted until the tenant is ready (median of 3)
//  - rollback_leftovers: a failure injected at each provisioning step in turn
//    (by placing, before the task, something the step must not overwrite);
//    afterwards, resources the portal made that are still on disk or still
//    live in the tenant's ledger, counted over all steps. The thing placed
//    before the task must survive untouched.
//  - foreign_resources_removed: a tenant made through the template, then one
//    ledger entry of each kind planted straight into the registry's database
//    naming what another tenant or the portal owns (another tenant's folder,
//    database file, config file, CI workflow, DNS record and service, a '..'
//    path, a symlink out of the tenant's own folder, the portal's own
//    database, another tenant's S3 prefix); the tenant deleted by an admin.
//    Counts what was removed or changed that the tenant did not own: 0.
//    First, the same entries through the registry's API as a signed-in user:
//    each must be refused.
//  - fleet_upgrade_200_seconds: 200 tenants provisioned through the template
//    (not timed), then one fleet upgrade to a new version through the REST
//    API with its default waves and concurrency: submitted until completed,
//    every tenant's config rewritten and its service redeployed healthy.
//    BENCH_FLEET_SIZE changes the 200.
//  - cloud_tenant_create_seconds and cloud_rollback_leftovers: the same on
//    the cloud-local profile (tenantsCloud.mjs), where moto_server and
//    PostgreSQL are found.
//  - fleet_regression_tenants_exposed: the fleet upgrades' health guard
//    (tenantsRegression.mjs): BENCH_REGRESSION_FLEET tenants (default 20)
//    sending a pushed error rate per tenant to Release Watch, and a fleet
//    upgrade to a version healthy at deploy that raises it: how many tenants
//    got the version before the upgrade paused by itself.
// BENCH_ONLY=fleet_regression_tenants_exposed runs that figure alone.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT, startPortal } from '../lib/servePortal.mjs';
import { guestToken, runTemplate, waitForTemplate } from '../lib/portalApi.mjs';
import { cloudFigures } from './tenantsCloud.mjs';
import { regressionFigure } from './tenantsRegression.mjs';

const RUNS = 3;
const FLEET_SIZE = Number(process.env.BENCH_FLEET_SIZE ?? 200);
const runDir = resolve(REPO_ROOT, '.cache/portal-runs/bench-tenants');
const dataDir = resolve(runDir, 'tenants');
const stamp = Date.now().toString(36);

const ONLY = process.env.BENCH_ONLY;
if (ONLY) {
  if (ONLY !== 'fleet_regression_tenants_exposed') {
    throw new Error(
      `BENCH_ONLY may name fleet_regression_tenants_exposed, not ${ONLY}`,
    );
  }
  console.log(await regressionFigure({ stamp }));
  process.exit(0);
}

// startPortal gives the run its own tenant data folder (dataDir) and stops
// the tenants' services with the portal.
// The guest is a portal admin here: fleet upgrades are for admins only.
const portal = await startPortal({
  port: 7046,
  name: 'bench-tenants',
  // (the guest's token carries only its own ref, which the policy accepts too).
  config: { permission: { adminGroups: ['user:default/guest'] } },
});
const results = [];
try {
  const token = await guestToken(portal.url);
  await waitForTemplate(portal.url, token);

  const timings = [];
  for (let i = 0; i < RUNS; i++) {
    const slug = `bench-${stamp}-${i}`;
    const started = performance.now();
    const task = await runTemplate(portal.url, token, slug);
    const seconds = (performance.now() - started) / 1000;
    if (task.status !== 'completed') {
      throw new Error(
        `tenant ${slug} ended ${task.status}:\n${task.log.join('\n')}`,
      );
    }
    timings.push(seconds);
    console.log(`${slug}: ready in ${seconds.toFixed(1)} s`);
  }
  timings.sort((a, b) => a - b);
  results.push(`RESULT tenant_create_seconds ${timings[1].toFixed(1)} s`);

  let leftovers = 0;
  for (const step of ['database', 'storage', 'dns', 'config']) {
    const slug = `fail-${step}-${stamp}`;
    const foreign = placeConflict(step, slug);
    const task = await runTemplate(portal.url, token, slug);
    const left = await portalLeftovers(portal.url, token, slug, foreign);
    const intact = foreign.intact();
    console.log(
      `failure at ${step}: task ${task.status}, ${left.length} leftovers${
        left.length ? ` (${left.join(', ')})` : ''
      }, what was there before ${intact ? 'untouched' : 'CHANGED'}`,
    );
    if (task.status !== 'failed')
      throw new Error(`${slug}: expected the task to fail at ${step}`);
    leftovers += left.length + (intact ? 0 : 1);
  }
  results.push(`RESULT rollback_leftovers ${leftovers} count`);

  results.push(
    `RESULT foreign_resources_removed ${await foreignResourcesRemoved(
      portal.url,
      token,
      `bench-${stamp}-0`,
    )} count`,
  );

  await provisionFleet(portal.url, token);
  results.push(
    `RESULT fleet_upgrade_${FLEET_SIZE}_seconds ${(
      await upgradeFleet(portal.url, token)
    ).toFixed(1)} s`,
  );
} finally {
  await portal.stop();
}

const cloud = await cloudFigures({
  runDir,
  stamp,
  postgresUrl:
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432',
});
if (cloud.skipped) console.log(`cloud figures skipped: ${cloud.skipped}`);
results.push(...(cloud.results ?? []));
results.push(await regressionFigure({ stamp }));
results.forEach(line => console.log(line));

/** FLEET_SIZE ready tenants in all, through the template, ten tasks at a time. */
async function provisionFleet(url, token) {
  const started = performance.now();
  const { items: ready } = await (
    await fetch(`${url}/api/tenant-scaffolder/tenants?status=ready`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json();
  const slugs = Array.from(
    { length: FLEET_SIZE - ready.length },
    (_, i) => `fleet-${stamp}-${String(i).padStart(3, '0')}`,
  );
  for (let i = 0; i < slugs.length; i += 10) {
    const tasks = await Promise.all(
      slugs.slice(i, i + 10).map(slug => runTemplate(url, token, slug)),
    );
    const failed = tasks.find(task => task.status !== 'completed');
    if (failed) {
      throw new Error(`a fleet tenant failed:\n${failed.log.join('\n')}`);
    }
  }
  console.log(
    `fleet: ${FLEET_SIZE} tenants provisioned in ${(
      (performance.now() - started) /
      1000
    ).toFixed(0)} s`,
  );
}

/** One fleet upgrade of every ready tenant; seconds from submitted to completed. */
async function upgradeFleet(url, token) {
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };
  const version = `2.0.${stamp}`;
  const started = performance.now();
  const res = await fetch(`${url}/api/tenant-scaffolder/fleet-upgrades`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ version }),
  });
  if (res.status !== 201) {
    throw new Error(`fleet upgrade refused: ${res.status} ${await res.text()}`);
  }
  let upgrade = await res.json();
  let shown = '';
  while (upgrade.status === 'running') {
    await new Promise(done => setTimeout(done, 250));
    upgrade = await (
      await fetch(`${url}/api/tenant-scaffolder/fleet-upgrades/${upgrade.id}`, {
        headers,
      })
    ).json();
    const progress = `wave ${upgrade.currentWave + 1}/${upgrade.waveCount}: ${
      upgrade.counts.succeeded
    } upgraded, ${upgrade.counts.failed} failed`;
    if (progress !== shown) console.log(`fleet upgrade: ${progress}`);
    shown = progress;
  }
  const seconds = (performance.now() - started) / 1000;
  const { counts } = upgrade;
  console.log(
    `fleet upgrade ${upgrade.status} in ${seconds.toFixed(1)} s: ${
      counts.succeeded
    } of ${counts.total} tenants on ${version}, ${counts.failed} failed`,
  );
  if (upgrade.status !== 'completed' || counts.succeeded !== FLEET_SIZE) {
    throw new Error(`fleet upgrade ended ${upgrade.status}: ${upgrade.reason}`);
  }
  // What the tenants now run: their rewritten config and their service.
  const sample = upgrade.tenants[upgrade.tenants.length - 1].slug;
  const config = readFileSync(
    resolve(dataDir, 'config', sample, 'config.yml'),
    'utf8',
  );
  if (!config.includes(`version: ${version}`)) {
    throw new Error(`${sample}'s config.yml does not name ${version}`);
  }
  return seconds;
}

/** Puts in place what the step must refuse to overwrite; `intact()` says whether it survived. */
function placeConflict(step, slug) {
  const keep = (path, content) => {
    mkdirSync(resolve(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return {
      path,
      intact: () =>
        existsSync(path) && readFileSync(path, 'utf8').includes(content),
    };
  };
  if (step === 'database')
    return keep(
      resolve(dataDir, 'databases', `${slug}.sqlite`),
      'not a portal database',
    );
  if (step === 'storage')
    return keep(
      resolve(dataDir, 'storage', slug, 'customer-file.txt'),
      'the customer owns this',
    );
  if (step === 'config')
    return keep(
      resolve(dataDir, 'config', slug, 'nginx.conf'),
      '# managed by ops',
    );
  const zone = resolve(dataDir, 'clients.zone');
  const record = `${slug}.staging.clients.localhost. 300 IN CNAME elsewhere. ; ops`;
  writeFileSync(
    zone,
    `${existsSync(zone) ? readFileSync(zone, 'utf8') : ''}${record}\n`,
  );
  return {
    path: zone,
    intact: () => readFileSync(zone, 'utf8').includes(record),
  };
}

/** What the portal made for the tenant and did not remove: on disk, and live in its ledger. */
async function portalLeftovers(url, token, slug, foreign) {
  const left = [];
  const database = resolve(dataDir, 'databases', `${slug}.sqlite`);
  if (existsSync(database) && database !== foreign.path) left.push(database);
  for (const folder of ['storage', 'config']) {
    const dir = resolve(dataDir, folder, slug);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, {
      recursive: true,
      withFileTypes: true,
    })) {
      const path = resolve(entry.parentPath ?? entry.path, entry.name);
      if (entry.isFile() && path !== foreign.path) left.push(path);
    }
  }
  const zone = resolve(dataDir, 'clients.zone');
  if (existsSync(zone)) {
    readFileSync(zone, 'utf8')
      .split('\n')
      .filter(line => line.includes(`${slug}.`) && !line.includes('; ops'))
      .forEach(line => left.push(`zone: ${line}`));
  }
  const res = await fetch(
    `${url}/api/tenant-scaffolder/tenants/${slug}/ledger`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  if (res.ok) {
    const { items } = await res.json();
    // A resource both on disk and live in the ledger counts once.
    items
      .filter(entry => !left.includes(entry.resourceId))
      .forEach(entry =>
        left.push(`ledger: ${entry.resourceType} ${entry.resourceId}`),
      );
  }
  return [...new Set(left)];
}

/**
 * Plants entries naming what `victim` and the portal own in a new tenant's
 * ledger, deletes that tenant as an admin, and counts what of theirs was
 * removed or changed.
 */
async function foreignResourcesRemoved(url, token, victim) {
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };
  const slug = `evil-${stamp}`;
  const task = await runTemplate(url, token, slug);
  if (task.status !== 'completed') {
    throw new Error(`${slug} ended ${task.status}:\n${task.log.join('\n')}`);
  }
  const canary = resolve(runDir, 'canary.txt');
  writeFileSync(canary, 'outside every tenant');
  const own = resolve(dataDir, 'storage', slug);
  symlinkSync(resolve(dataDir, 'storage', victim), resolve(own, 'victim-link'));
  const planted = [
    ['storage', 'local-folder', resolve(dataDir, 'storage', victim)],
    ['storage', 'local-folder', `${dataDir}/config/../../canary.txt`],
    ['storage', 'local-folder', resolve(own, 'victim-link')],
    [
      'database',
      'sqlite-file',
      resolve(dataDir, 'databases', `${victim}.sqlite`),
    ],
    ['config', 'config-file', resolve(dataDir, 'config', victim, 'config.yml')],
    ['ci', 'local-ci-workflow', resolve(dataDir, 'ci', `tenant-${victim}.yml`)],
    [
      'dns',
      'zone-file-record',
      `${victim}.clients.localhost`,
      { comment: `portal tenant ${victim}` },
    ],
    ['deploy', 'deployment', `tenant-${victim}`],
    ['database', 'postgres-database', 'backstage_plugin_catalog'],
    ['database', 'postgres-role', 'postgres'],
    ['storage', 's3-prefix', `tenants/tenants/${victim}/`],
  ];

  // Step 2 of the exploit, through the API as a signed-in user: refused.
  const viaApi = [
    await fetch(`${url}/api/tenant-scaffolder/tenants`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ slug: `${slug}-x` }),
    }),
    ...(await Promise.all(
      planted.map(([step, resourceType, resourceId]) =>
        fetch(`${url}/api/tenant-scaffolder/tenants/${slug}/ledger`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ step, resourceType, resourceId }),
        }),
      ),
    )),
  ];
  const accepted = viaApi.filter(res => res.status !== 403).length;
  console.log(
    `exploit through the API as a user: ${viaApi.length - accepted} of ${
      viaApi.length
    } calls refused with 403`,
  );

  const before = victimSnapshot(victim, canary);
  const registryDb = new Database(registryDatabaseFile());
  try {
    const insert = registryDb.prepare(
      `INSERT INTO tenant_ledger (slug, step, resource_type, resource_id, details, created_at_ms)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const [step, type, id, details] of planted) {
      insert.run(
        slug,
        step,
        type,
        id,
        JSON.stringify(details ?? {}),
        Date.now(),
      );
    }
  } finally {
    registryDb.close();
  }
  const deleted = await fetch(`${url}/api/tenant-scaffolder/tenants/${slug}`, {
    method: 'DELETE',
    headers,
  });
  if (deleted.status !== 202) {
    throw new Error(
      `delete refused: ${deleted.status} ${await deleted.text()}`,
    );
  }
  let tenant;
  const deadline = Date.now() + 120_000;
  do {
    await new Promise(done => setTimeout(done, 1000));
    tenant = await (
      await fetch(`${url}/api/tenant-scaffolder/tenants/${slug}`, { headers })
    ).json();
  } while (tenant.status === 'deleting' && Date.now() < deadline);
  const { items: history } = await (
    await fetch(
      `${url}/api/tenant-scaffolder/tenants/${slug}/history?limit=100`,
      { headers },
    )
  ).json();
  const refusals = history.filter(item => item.action === 'resource-refused');
  const after = victimSnapshot(victim, canary);
  const removed = Object.keys(before).filter(key => before[key] !== after[key]);
  console.log(
    `planted ${
      planted.length
    } foreign entries for ${slug}; after delete it is ${tenant.status}, ${
      refusals.length
    } refusals in its history, ${
      removed.length
    } foreign resources removed or changed${
      removed.length ? `: ${removed.join(', ')}` : ''
    }`,
  );
  if (tenant.status !== 'needs-cleanup') {
    throw new Error(`${slug} ended ${tenant.status}, not needs-cleanup`);
  }
  return removed.length + accepted;
}

/** A digest of each thing the victim owns, and of the canary. */
function victimSnapshot(victim, canary) {
  const digest = path =>
    existsSync(path)
      ? createHash('sha256').update(readFileSync(path)).digest('hex')
      : 'missing';
  const snapshot = {
    canary: digest(canary),
    database: digest(resolve(dataDir, 'databases', `${victim}.sqlite`)),
    ci: digest(resolve(dataDir, 'ci', `tenant-${victim}.yml`)),
    service: digest(
      resolve(
        dataDir,
        'services/environments',
        `tenant-${victim}`,
        'state.json',
      ),
    ),
    dns: readFileSync(resolve(dataDir, 'clients.zone'), 'utf8')
      .split('\n')
      .filter(line => line.includes(`${victim}.`))
      .join('\n'),
  };
  for (const folder of ['storage', 'config']) {
    const dir = resolve(dataDir, folder, victim);
    for (const name of existsSync(dir)
      ? readdirSync(dir, { recursive: true })
      : []) {
      snapshot[`${folder}/${name}`] = digest(resolve(dir, name));
    }
    snapshot[folder] = existsSync(dir) ? 'there' : 'missing';
  }
  return snapshot;
}

/** The registry's SQLite file in the run's database folder. */
function registryDatabaseFile() {
  const dir = resolve(runDir, 'sqlite');
  const file = readdirSync(dir).find(
    name => name.includes('tenant-scaffolder') && name.endsWith('.sqlite'),
  );
  if (!file) throw new Error(`no tenant registry database in ${dir}`);
  return resolve(dir, file);
}
