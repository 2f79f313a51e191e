// yarn bench:release-watch: the release-watch event store at a year's scale.
// 1,000,000 generated events over 365 days from 200 services (half frontend,
// half backend, registered in the catalog) are pushed through the push API
// (NDJSON batches of 5,000, two requests in flight), then the calls the
// Release Watch page makes (OKRs for 52 weeks, releases, scopes, the DORA
// summary, its Tenants section's production environments, and the teams
// view's teams) are timed. The services belong to two
// teams under one department (catalog Groups), so the teams view has three
// rows, one of them rolling the other two up.
//  - ingest_events_per_second: events / wall time of the pushes, SQLite
//  - okr_dashboard_p95_ms_sqlite, okr_dashboard_p95_ms_postgres: p95 of the
//    page's calls (made together, as the page does) over 40 loads
// PostgreSQL from BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432);
// without one the PostgreSQL figure is skipped. BENCH_EVENTS overrides the count.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchPostgres, percentile } from '../lib/benchPostgres.mjs';
import { seededRandom } from '../lib/seededRandom.mjs';
import { REPO_ROOT, startPortal } from '../lib/servePortal.mjs';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SERVICES = 200;
const DAYS = 365;
const BATCH = 5_000;
const IN_FLIGHT = 2;
const LOADS = 40;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const TOKEN = 'bench-release-watch-pusher-token';
const NOW = Date.UTC(2026, 10, 23);
const START = NOW - DAYS * DAY_MS;

const workDir = resolve(REPO_ROOT, '.cache/bench-release-watch');
mkdirSync(workDir, { recursive: true });
const catalogFile = resolve(workDir, 'services.yaml');
writeFileSync(catalogFile, catalogYaml());

const okrs = [
  { id: 'ttp', metric: 'time_to_production', baseline: 30, target: 3 },
  {
    id: 'ci-frontend',
    metric: 'ci_feedback',
    group: 'frontend',
    baseline: 50,
    target: 15,
  },
  {
    id: 'ci-backend',
    metric: 'ci_feedback',
    group: 'backend',
    baseline: 15,
    target: 10,
  },
  {
    id: 'page-load',
    metric: 'metric:page_load',
    unit: 's',
    baseline: 5.7,
    target: 2.3,
  },
  { id: 'deploys', metric: 'deployment_frequency', baseline: 20, target: 60 },
  { id: 'cfr', metric: 'change_failure_rate', baseline: 20, target: 10 },
].map(okr => ({ ...okr, startDate: '2025-11-24', dueDate: '2026-12-28' }));

const config = {
  backend: {
    auth: {
      externalAccess: [
        { type: 'static', options: { token: TOKEN, subject: 'bench-pusher' } },
      ],
    },
  },
  catalog: {
    locations: [
      {
        type: 'file',
        target: catalogFile,
        rules: [{ allow: ['Component', 'Group'] }],
      },
    ],
  },
  releaseWatch: { okrs, localGit: [] },
};

const results = [];
const sqlite = await runOn('sqlite', undefined);
results.push(`RESULT ingest_events_per_second ${sqlite.eventsPerSecond} ev/s`);
results.push(`RESULT okr_dashboard_p95_ms_sqlite ${sqlite.dashboardP95} ms`);

const postgres = benchPostgres(`bench_release_watch_${Date.now()}_`);
if (await postgres.reachable()) {
  try {
    const onPostgres = await runOn('postgres', postgres.database);
    results.push(
      `RESULT ingest_events_per_second_postgres ${onPostgres.eventsPerSecond} ev/s`,
    );
    results.push(
      `RESULT okr_dashboard_p95_ms_postgres ${onPostgres.dashboardP95} ms`,
    );
  } finally {
    await postgres.dropDatabases();
  }
} else {
  console.log(
    `PostgreSQL at ${postgres.host} not reachable: its figure is skipped`,
  );
}
// The headline figure last.
results.sort(
  (a, b) =>
    (a.includes('ingest_events_per_second ') ? 1 : 0) -
    (b.includes('ingest_events_per_second ') ? 1 : 0),
);
results.forEach(line => console.log(line));

async function runOn(name, database) {
  console.log(`── ${name}: starting the portal`);
  const portal = await startPortal({
    port: 7045,
    name: `bench-release-watch-${name}`,
    database,
    config,
  });
  try {
    await waitForCatalog(portal.url);
    const eventsPerSecond = await ingest(portal.url, name);
    const settleStart = Date.now();
    await dashboard(portal.url);
    console.log(
      `${name}: rollups settled ${((Date.now() - settleStart) / 1000).toFixed(
        1,
      )} s after the last push`,
    );
    const timings = [];
    for (let i = 0; i < LOADS; i++) {
      const started = performance.now();
      await dashboard(portal.url);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const dashboardP95 = Math.round(percentile(timings, 95));
    console.log(
      `${name}: Release Watch page's calls (okrs 52 weeks x ${okrs.length} OKRs, releases, scopes, summary, environments, teams), ${LOADS} loads: ` +
        `p50 ${Math.round(percentile(timings, 50))} ms, p95 ${dashboardP95} ms`,
    );
    return { eventsPerSecond, dashboardP95 };
  } catch (error) {
    console.error(
      `${name}: the portal's last output:\n${portal.output
        .join('')
        .slice(-6000)}`,
    );
    throw error;
  } finally {
    await portal.stop();
  }
}

async function ingest(url, name) {
  // Generated and serialised before the clock starts: the figure is the
  // portal's, not this script's (both share the machine's cores).
  const bodies = [];
  for (const batch of generateBatches()) {
    bodies.push({
      count: batch.length,
      body: batch.map(e => JSON.stringify(e)).join('\n'),
    });
  }
  let next = 0;
  let sent = 0;
  let accepted = 0;
  const started = performance.now();
  let lastLog = started;
  const worker = async () => {
    while (next < bodies.length) {
      const { count, body } = bodies[next++];
      const res = await fetch(`${url}/api/release-watch/events`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': 'application/x-ndjson',
        },
        body,
      });
      const answer = await res.json();
      if (!res.ok) {
        throw new Error(
          `push failed: ${res.status} ${JSON.stringify(answer).slice(0, 500)}`,
        );
      }
      sent += count;
      accepted += answer.accepted;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        console.log(
          `${name}: ${sent.toLocaleString()} of ${EVENTS.toLocaleString()} events pushed`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  const perSecond = Math.round(sent / seconds);
  console.log(
    `${name}: ${sent.toLocaleString()} events (${accepted.toLocaleString()} stored) in ${seconds.toFixed(
      1,
    )} s: ${perSecond} ev/s`,
  );
  return perSecond;
}

async function dashboard(url) {
  const to = new Date(NOW).toISOString().slice(0, 10);
  const from = new Date(NOW - 52 * 7 * DAY_MS).toISOString().slice(0, 10);
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const calls = [
    `okrs?period=week&from=${from}&to=${to}`,
    `releases?from=${from}&to=${to}`,
    'scopes',
    `summary?from=${from}&to=${to}`,
    `environments?from=${from}&to=${to}`,
    `teams?from=${from}&to=${to}`,
  ];
  await Promise.all(
    calls.map(async path => {
      const res = await fetch(`${url}/api/release-watch/${path}`, { headers });
      if (!res.ok)
        throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.json();
    }),
  );
}

async function waitForCatalog(url) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/api/release-watch/scopes`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    if (res.ok && (await res.json()).entities.length >= SERVICES) return;
    await new Promise(done => setTimeout(done, 2000));
  }
  throw new Error(`the catalog did not list ${SERVICES} services in time`);
}

// A deterministic year of one company: releases getting faster, CI getting
// quicker, pages loading sooner, with noise and the odd outlier.
function* generateBatches() {
  const random = seededRandom(42);
  const releaseCount = new Array(SERVICES).fill(0);
  let batch = [];
  let made = 0;
  const emit = event => {
    batch.push({ ...event, id: `bench:${made}` });
    made += 1;
  };
  const spacing = (DAYS * DAY_MS) / EVENTS;
  let i = 0;
  while (made < EVENTS) {
    const at = START + i * spacing;
    i += 1;
    const progress = (at - START) / (DAYS * DAY_MS);
    const service = Math.floor(random() * SERVICES);
    const frontend = service % 2 === 0;
    const entityRef = `component:default/svc-${String(service).padStart(
      3,
      '0',
    )}`;
    const roll = random();
    if (roll < 0.6) {
      const base = frontend ? 50 - 30 * progress : 15 - 4 * progress;
      const minutes = Math.max(1, base * (0.6 + random() * 0.8));
      emit({
        kind: 'ci_run',
        at: iso(at + minutes * 60_000),
        startedAt: iso(at),
        repository: `acme/svc-${String(service).padStart(3, '0')}`,
        workflow: 'ci',
        trigger: random() < 0.7 ? 'pull_request' : 'push',
        conclusion: random() < 0.9 ? 'success' : 'failure',
      });
    } else if (roll < 0.74) {
      emit({
        kind: 'pull_request_merged',
        at: iso(at),
        entityRef,
        number: i,
        firstCommitAt: iso(at - random() * 48 * HOUR_MS),
      });
    } else if (roll < 0.77) {
      releaseCount[service] += 1;
      const version = `1.${releaseCount[service]}.0`;
      const outlier = random() < 0.05;
      const hours = outlier
        ? 24 + random() * 24
        : Math.max(0.3, (30 - 27 * progress) * (0.5 + random()));
      emit({ kind: 'release', at: iso(at), entityRef, version });
      emit({
        kind: 'deployment',
        at: iso(at + (hours / 2) * HOUR_MS),
        entityRef,
        environment: 'staging',
        status: 'success',
        version,
      });
      const failed = random() < 0.15 - 0.07 * progress;
      emit({
        kind: 'deployment',
        at: iso(at + hours * HOUR_MS),
        entityRef,
        environment: 'production',
        status: failed ? 'failure' : 'success',
        version,
      });
      if (failed) {
        emit({
          kind: 'deployment',
          at: iso(at + (hours + 1) * HOUR_MS),
          entityRef,
          environment: 'production',
          status: 'success',
          version,
        });
      }
      for (let tenant = 0; tenant < 3; tenant++) {
        emit({
          kind: 'deployment',
          at: iso(at + (hours + 2 + tenant) * HOUR_MS),
          entityRef,
          environment: `production-tenant-${tenant}`,
          status: 'success',
          version,
        });
      }
    } else if (roll < 0.78) {
      const incident = `INC-${i}`;
      emit({
        kind: 'incident',
        at: iso(at),
        entityRef,
        incident,
        action: 'opened',
      });
      emit({
        kind: 'incident',
        at: iso(at + random() * 6 * HOUR_MS),
        entityRef,
        incident,
        action: 'resolved',
      });
    } else {
      const seconds = Math.max(
        0.5,
        (5.7 - 3 * progress) * (0.7 + random() * 0.6),
      );
      emit({
        kind: 'metric',
        at: iso(at),
        entityRef,
        name: 'page_load',
        value: Math.round(seconds * 1000) / 1000,
        unit: 's',
      });
    }
    if (batch.length >= BATCH) {
      yield batch.splice(0, BATCH);
    }
  }
  if (batch.length > 0) yield batch;
}

function catalogYaml() {
  const group = (name, spec) =>
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      '  type: team',
      ...spec,
    ].join('\n');
  const groups = [
    group('engineering', ['  children: [web-team, api-team]']),
    group('web-team', ['  parent: engineering', '  children: []']),
    group('api-team', ['  parent: engineering', '  children: []']),
  ];
  const services = Array.from({ length: SERVICES }, (_, service) => {
    const name = `svc-${String(service).padStart(3, '0')}`;
    return [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${name}`,
      '  annotations:',
      `    github.com/project-slug: acme/${name}`,
      'spec:',
      `  type: ${service % 2 === 0 ? 'website' : 'service'}`,
      '  lifecycle: production',
      `  owner: group:default/${service % 2 === 0 ? 'web' : 'api'}-team`,
    ].join('\n');
  });
  return [...groups, ...services].join('\n---\n');
}

function iso(ms) {
  return new Date(Math.min(ms, NOW - 1)).toISOString();
}
