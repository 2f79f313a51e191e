// yarn bench:review-envs: the shared-environment lock under contention.
// Two backend processes, run as in production, share one PostgreSQL (fresh
// databases, dropped at the end); 100 callers, each with its own service
// token, claim the free staging lock at the same moment, half through each
// process, on connections already open.
//  - lock_claim_winners: claims answered 201 (must be exactly 1)
//  - lock_claim_p99_ms: p99 latency of those 100 claims
// Then, on the first backend:
//  - env_list_1000_p95_ms: p95 of listing 1,000 review environments
//  - local_env_ready_seconds: a labelled pull request of this repository
//    reported, until its environment answers as ready on the local target
//  - seed_100k_rows_seconds, unmasked_values_found: that environment seeded
//    from a tenant of 100,000 rows over 5 tables, masked (reviewEnvSeed.mjs)
// Needs PostgreSQL: BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { benchPostgres, percentile } from '../lib/benchPostgres.mjs';
import { startPortal } from '../lib/servePortal.mjs';
import {
  countUnmaskedValues,
  measureSeed,
  prepareSeedBench,
} from './reviewEnvSeed.mjs';

const CLAIMS = 100;
const keptAlive = new http.Agent({ keepAlive: true, maxSockets: CLAIMS });
const PORTS = [7037, 7038];
const postgres = benchPostgres(`bench_review_envs_${Date.now()}_`);
const { database } = postgres;

const tokens = Array.from({ length: CLAIMS }, (_, i) => ({
  token: `bench-claimant-token-${String(i).padStart(3, '0')}`,
  subject: `claimant-${i}`,
}));
const botHeaders = {
  Authorization: `Bearer ${tokens[0].token}`,
  'Content-Type': 'application/json',
};

const seedBench = prepareSeedBench(
  new URL('../../.cache/bench-review-envs-seed', import.meta.url).pathname,
);
const config = {
  ...seedBench.config,
  backend: {
    auth: {
      externalAccess: tokens.map(({ token, subject }) => ({
        type: 'static',
        options: { token, subject },
      })),
    },
  },
};

if (!(await postgres.reachable())) {
  console.error(
    `PostgreSQL at ${postgres.host} is not reachable; this benchmark needs one: set BENCH_POSTGRES_URL.`,
  );
  process.exit(1);
}
const portals = [];
try {
  // One after the other: the first creates the databases and runs migrations.
  for (const port of PORTS) {
    portals.push(
      await startPortal({
        port,
        name: `bench-review-envs-${port}`,
        database,
        config,
        production: true,
      }),
    );
  }
  await warmUp();
  await concurrentHealthChecks();
  const baseline = await concurrentHealthChecks();
  console.log(
    `baseline: ${CLAIMS} concurrent health checks (no database) over ${portals.length} backends: ` +
      `p50 ${percentile(baseline, 50)} ms, p99 ${percentile(baseline, 99)} ms`,
  );

  const started = Date.now();
  const results = await Promise.all(
    tokens.map(({ token }, i) =>
      timedClaim(portals[i % portals.length].url, token),
    ),
  );
  const wallMs = Date.now() - started;

  const winners = results.filter(result => result.status === 201);
  const conflicts = results.filter(result => result.status === 409);
  const others = results.filter(r => r.status !== 201 && r.status !== 409);
  const latencies = results.map(result => result.ms).sort((a, b) => a - b);
  console.log(
    `${CLAIMS} concurrent claims over ${portals.length} backends in ${wallMs} ms: ` +
      `${winners.length} granted, ${conflicts.length} refused (409), ${others.length} other`,
  );
  for (const other of others.slice(0, 5))
    console.log(`  unexpected: ${other.status} ${other.body}`);
  if (winners[0]) console.log(`winner: ${winners[0].body}`);
  console.log(
    `claim latency: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(
      latencies,
      99,
    )} ms, max ${latencies.at(-1)} ms`,
  );
  const listP95 = await measureEnvironmentList(portals[0].url);
  const { seconds: readySeconds, id: environmentId } =
    await measureLocalEnvironmentReady(portals[0].url);
  const seedSeconds = await measureSeed(
    portals[0].url,
    botHeaders,
    environmentId,
  );
  const unmasked = countUnmaskedValues(
    seedBench.tenantFile,
    seedBench.environmentFile(environmentId),
  );
  console.log(`RESULT lock_claim_winners ${winners.length} count`);
  console.log(`RESULT lock_claim_p99_ms ${percentile(latencies, 99)} ms`);
  console.log(`RESULT env_list_1000_p95_ms ${listP95} ms`);
  console.log(`RESULT local_env_ready_seconds ${readySeconds} s`);
  console.log(`RESULT seed_100k_rows_seconds ${seedSeconds} s`);
  console.log(`RESULT unmasked_values_found ${unmasked} count`);
} finally {
  keptAlive.destroy();
  await Promise.all(portals.map(portal => portal.stop()));
  await postgres.dropDatabases();
}

/**
 * 1,000 environments enter through the pull-request API (closed PRs, so no
 * deploys run), then the list the Review Environments page loads is timed.
 */
async function measureEnvironmentList(url) {
  const report = (number, open) =>
    fetch(`${url}/api/review-envs/pull-requests`, {
      method: 'POST',
      headers: botHeaders,
      body: JSON.stringify({
        repository: 'bench/service',
        number,
        title: `Change ${number}`,
        branch: `change-${number}`,
        headSha: number.toString(16).padStart(40, '0'),
        author: `dev-${number % 50}`,
        open,
        labels: ['review'],
      }),
    }).then(async response => {
      // A refused report would only show later as a short list: say why now.
      if (!response.ok) {
        throw new Error(
          `reporting pull request ${number} (open: ${open}) answered ${
            response.status
          }: ${await response.text()}`,
        );
      }
      await response.arrayBuffer();
    });
  // Opened (pending) then closed (tearing down, a no-op on the local target).
  for (let batch = 0; batch < 1000; batch += 50) {
    const numbers = Array.from({ length: 50 }, (_, i) => batch + i + 1);
    await Promise.all(numbers.map(number => report(number, true)));
    await Promise.all(numbers.map(number => report(number, false)));
  }
  const timings = [];
  for (let run = 0; run < 40; run++) {
    const started = performance.now();
    const response = await fetch(`${url}/api/review-envs/environments`, {
      headers: botHeaders,
    });
    const { items } = await response.json();
    timings.push(Math.round(performance.now() - started));
    if (items.length < 1000)
      throw new Error(`listed ${items.length} environments, expected 1000`);
  }
  timings.sort((a, b) => a - b);
  console.log(
    `listing 1,000 environments (40 requests): p50 ${percentile(
      timings,
      50,
    )} ms, p95 ${percentile(timings, 95)} ms`,
  );
  return percentile(timings, 95);
}

/** This repository's HEAD as a labelled pull request, until its environment is ready and answers. */
async function measureLocalEnvironmentReady(url) {
  const headSha = execFileSync('git', ['rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  const started = performance.now();
  const reported = await fetch(`${url}/api/review-envs/pull-requests`, {
    method: 'POST',
    headers: botHeaders,
    body: JSON.stringify({
      repository: 'local/developer-portal',
      number: 9999,
      title: 'Benchmark',
      branch: 'benchmark',
      headSha,
      author: 'bench',
      open: true,
      labels: ['review'],
    }),
  });
  const { environment } = await reported.json();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const response = await fetch(
      `${url}/api/review-envs/environments/${environment.id}`,
      {
        headers: botHeaders,
      },
    );
    const current = await response.json();
    if (current.state === 'ready') {
      const page = await fetch(current.url);
      if (page.ok) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `local environment ${environment.id} ready at ${current.url} after ${seconds} s`,
        );
        return { seconds, id: environment.id };
      }
    }
    if (current.state === 'failed')
      throw new Error(`local environment failed: ${current.stateReason}`);
    await new Promise(done => setTimeout(done, 100));
  }
  throw new Error('local environment not ready within 120 s');
}

/**
 * One request through node:http on kept-alive sockets. The timed bursts use
 * it rather than fetch, whose own cost per request on two shared cores is
 * larger than what is being measured (a bare Node server answers the same
 * burst in about 45 ms p99 through fetch, 25 ms through this).
 */
function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((done, fail) => {
    const started = performance.now();
    const request = http.request(
      url,
      { method, headers, agent: keptAlive },
      response => {
        const chunks = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () =>
          done({
            status: response.statusCode,
            ms: Math.round(performance.now() - started),
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}

function timedClaim(url, token) {
  return send(`${url}/api/review-envs/locks/staging/claim`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ reason: 'benchmark', durationMinutes: 30 }),
  });
}

/**
 * What the HTTP stack alone costs under the same burst, for comparison; the
 * first such burst also opens the sockets the claims are sent on.
 */
async function concurrentHealthChecks() {
  const responses = await Promise.all(
    tokens.map((_, i) =>
      send(`${portals[i % portals.length].url}/api/review-envs/health`),
    ),
  );
  return responses.map(response => response.ms).sort((a, b) => a - b);
}

/** Both processes have answered an authenticated lock read before timing starts. */
async function warmUp() {
  for (const portal of portals) {
    for (let i = 0; i < 5; i++) {
      const response = await fetch(
        `${portal.url}/api/review-envs/locks/staging`,
        {
          headers: { Authorization: `Bearer ${tokens[i].token}` },
        },
      );
      if (!response.ok)
        throw new Error(
          `warm-up failed: ${response.status} ${await response.text()}`,
        );
      const lock = await response.json();
      if (lock.holder)
        throw new Error(
          `staging is not free before the benchmark: ${JSON.stringify(lock)}`,
        );
    }
  }
}
