// bench:tenants, the health guard's figure (fleet_regression_tenants_exposed):
// a portal with the fleet upgrades' health guard on (soak 15 s, metric
// metric:error_rate, at least 5 samples a side, 25% allowed) and a static
// service token to push events with. BENCH_REGRESSION_FLEET tenants (default
// 20) are provisioned through the New tenant template, then one fleet upgrade
// with the default waves (canary, 5, 10, ...) rolls out a version that is
// healthy at deploy (its health check answers 200) but raises the error rate.
// Meanwhile a monitor stands in for each tenant's telemetry: every second it
// asks each tenant's running service which version it serves (the page of
// examples/tenant-app, found through the local deploy target's state.json)
// and pushes one error-rate sample per tenant through
// POST /api/release-watch/events with environment tenant-<slug>: 5% ± 0.5 on
// the new version, 1% ± 0.3 on the old (seeded noise). Nothing in the portal
// knows the version is bad: only the pushed samples say so.
// When the upgrade pauses by itself, the figure is how many tenants serve
// the bad version then (at most the canary and its wave). It fails when the
// upgrade completes or has not paused within 5 minutes. A portal that stops
// answering for a while (a development backend restarting) loses those
// samples, as telemetry would, and is waited for up to 2 minutes.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { guestToken, runTemplate, waitForTemplate } from '../lib/portalApi.mjs';
import { seededRandom } from '../lib/seededRandom.mjs';
import { REPO_ROOT, startPortal } from '../lib/servePortal.mjs';

const FLEET = Number(process.env.BENCH_REGRESSION_FLEET ?? 20);
const PUSH_TOKEN = 'bench-regression-telemetry-token';
const NAME = 'bench-tenants-regression';
const PAUSE_LIMIT_MS = 5 * 60_000;
/** How long the portal may not answer (a development backend restarting) before the run fails. */
const UNREACHABLE_LIMIT_MS = 2 * 60_000;

/** The `RESULT fleet_regression_tenants_exposed` line. */
export async function regressionFigure({ stamp }) {
  const portal = await startPortal({
    port: 7047,
    name: NAME,
    config: {
      permission: { adminGroups: ['user:default/guest'] },
      backend: {
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: PUSH_TOKEN, subject: 'bench-telemetry' },
            },
          ],
        },
      },
      tenantScaffolder: {
        fleetUpgrades: {
          healthGuard: {
            soak: '15s',
            metric: 'metric:error_rate',
            minSamples: 5,
            maxMetricRegression: 0.25,
          },
        },
      },
    },
  });
  const monitor = { stop: false };
  let monitoring;
  try {
    const token = await guestToken(portal.url);
    await waitForTemplate(portal.url, token);
    const slugs = await provision(portal.url, token, stamp);
    const badVersion = `2.1.${stamp}`;
    monitoring = monitorTenants(portal.url, slugs, badVersion, monitor).catch(
      error => {
        monitor.error = error;
      },
    );
    // Some samples of the fleet before the upgrade starts.
    await new Promise(done => setTimeout(done, 3000));
    const upgrade = await upgradeUntilPaused(portal.url, token, badVersion);
    if (monitor.error) throw monitor.error;
    if (!upgrade.reason?.includes('error_rate median')) {
      throw new Error(
        `the upgrade paused, not on the error rate: ${upgrade.reason}`,
      );
    }
    const serving = await servedVersions(slugs);
    const exposed = slugs.filter(slug => serving[slug] === badVersion);
    console.log(
      `regression: paused after wave ${upgrade.currentWave} of ${
        upgrade.waveCount - 1
      } (0 is the canary): ${upgrade.reason}`,
    );
    console.log(
      `regression: ${exposed.length} of ${FLEET} tenants serve ${badVersion} (${
        upgrade.counts.succeeded
      } upgraded by the registry's record; ${
        monitor.pushed
      } samples pushed): ${exposed.join(', ')}`,
    );
    return `RESULT fleet_regression_tenants_exposed ${exposed.length} count`;
  } catch (error) {
    console.log(
      `regression: the portal's last output:\n${portal.output
        .slice(-40)
        .join('')}`,
    );
    throw error;
  } finally {
    monitor.stop = true;
    await monitoring;
    await portal.stop();
  }
}

/** FLEET ready tenants through the template, ten tasks at a time. */
async function provision(url, token, stamp) {
  const slugs = Array.from(
    { length: FLEET },
    (_, i) => `reg-${stamp}-${String(i).padStart(2, '0')}`,
  );
  const started = performance.now();
  for (let i = 0; i < slugs.length; i += 10) {
    const tasks = await Promise.all(
      slugs.slice(i, i + 10).map(slug => runTemplate(url, token, slug)),
    );
    const failed = tasks.find(task => task.status !== 'completed');
    if (failed) {
      throw new Error(`a tenant failed:\n${failed.log.join('\n')}`);
    }
  }
  console.log(
    `regression: ${FLEET} tenants provisioned in ${(
      (performance.now() - started) /
      1000
    ).toFixed(0)} s`,
  );
  return slugs;
}

/**
 * Every second until stopped: each tenant's served version, and one
 * error-rate sample per tenant that answered, pushed as one batch.
 */
async function monitorTenants(url, slugs, badVersion, monitor) {
  const random = seededRandom(20261207);
  monitor.pushed = 0;
  let lastPushed = Date.now();
  while (!monitor.stop) {
    const tick = Date.now();
    const serving = await servedVersions(slugs);
    const at = new Date().toISOString();
    const events = slugs
      .filter(slug => serving[slug])
      .map(slug => {
        const bad = serving[slug] === badVersion;
        const value = bad ? 5 + (random() - 0.5) : 1 + (random() - 0.5) * 0.6;
        return {
          kind: 'metric',
          at,
          entityRef: `resource:default/tenant-${slug}`,
          environment: `tenant-${slug}`,
          name: 'error_rate',
          value: Number(value.toFixed(3)),
          unit: '%',
        };
      });
    const res = await fetch(`${url}/api/release-watch/events`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${PUSH_TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ events }),
    }).catch(error => error);
    if (res instanceof Error) {
      // The portal restarting: these samples are lost, as telemetry's would be.
      if (Date.now() - lastPushed > UNREACHABLE_LIMIT_MS) {
        throw new Error(
          `the portal did not take samples for 2 minutes: ${res}`,
        );
      }
    } else if (!res.ok) {
      throw new Error(`push refused: ${res.status} ${await res.text()}`);
    } else {
      monitor.pushed += events.length;
      lastPushed = Date.now();
    }
    await new Promise(done =>
      setTimeout(done, Math.max(0, 1000 - (Date.now() - tick))),
    );
  }
}

/** What each tenant's running service says it serves; absent while it does not answer. */
async function servedVersions(slugs) {
  const services = resolve(
    REPO_ROOT,
    '.cache/portal-runs',
    NAME,
    'tenants/services/environments',
  );
  const entries = await Promise.all(
    slugs.map(async slug => {
      const stateFile = resolve(services, `tenant-${slug}`, 'state.json');
      if (!existsSync(stateFile)) return [slug, undefined];
      try {
        const { port } = JSON.parse(readFileSync(stateFile, 'utf8'));
        const page = await (
          await fetch(`http://127.0.0.1:${port}/`, {
            signal: AbortSignal.timeout(2000),
          })
        ).text();
        return [slug, /<p>Version ([^<]*)<\/p>/.exec(page)?.[1]];
      } catch {
        return [slug, undefined];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** Starts the upgrade and follows it until it pauses; fails if it completes or never pauses. */
async function upgradeUntilPaused(url, token, version) {
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };
  const res = await fetch(`${url}/api/tenant-scaffolder/fleet-upgrades`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ version }),
  });
  if (res.status !== 201) {
    throw new Error(`fleet upgrade refused: ${res.status} ${await res.text()}`);
  }
  let upgrade = await res.json();
  const deadline = Date.now() + PAUSE_LIMIT_MS;
  let shown = '';
  while (upgrade.status === 'running' && Date.now() < deadline) {
    await new Promise(done => setTimeout(done, 500));
    upgrade = await readUpgrade(url, headers, upgrade.id);
    const progress = `wave ${upgrade.currentWave} of ${
      upgrade.waveCount - 1
    }: ${upgrade.counts.succeeded} upgraded${
      upgrade.soakingUntil ? `, soaking until ${upgrade.soakingUntil}` : ''
    }`;
    if (progress !== shown) console.log(`regression: ${progress}`);
    shown = progress;
  }
  if (upgrade.status !== 'paused') {
    throw new Error(
      `the fleet upgrade to ${version} did not pause: it is ${upgrade.status} (${upgrade.counts.succeeded} of ${upgrade.counts.total} tenants upgraded; ${upgrade.reason})`,
    );
  }
  return upgrade;
}

/** The upgrade as the API answers it, waiting out a portal that does not answer for a while. */
async function readUpgrade(url, headers, id) {
  const since = Date.now();
  for (;;) {
    try {
      const res = await fetch(
        `${url}/api/tenant-scaffolder/fleet-upgrades/${id}`,
        { headers },
      );
      if (res.ok) return await res.json();
      if (res.status < 500) {
        throw new Error(
          `fleet upgrade ${id}: ${res.status} ${await res.text()}`,
        );
      }
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
    if (Date.now() - since > UNREACHABLE_LIMIT_MS) {
      throw new Error(`the portal did not answer for 2 minutes`);
    }
    await new Promise(done => setTimeout(done, 1000));
  }
}
