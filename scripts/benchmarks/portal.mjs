// yarn bench:portal: builds the production bundle and measures
//  - initial_js_gzip_kb: gzip size of the scripts index.html loads up front
//  - catalog_page_load_ms: navigation start to the catalog table rendered,
//    headless Chromium, production bundle served by the backend, cold HTTP
//    cache, a returning guest (auto sign-in); median of RUNS loads.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { REPO_ROOT, buildApp, startPortal } from '../lib/servePortal.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 7027);
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const buildStarted = Date.now();
buildApp();
console.log(`app build: ${((Date.now() - buildStarted) / 1000).toFixed(1)} s`);

const initialJs = measureInitialScripts(
  resolve(REPO_ROOT, 'packages/app/dist'),
);
console.log(
  `initial scripts: ${initialJs.count} files, ${kb(initialJs.raw)} KB raw, ${kb(
    initialJs.gzip,
  )} KB gzip`,
);

const portal = await startPortal({ port: PORT, name: 'bench-portal' });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: CHROMIUM_ARGS,
});
try {
  const storageState = await signInOnce(browser, portal.url);
  // One load to let the catalog finish ingesting before timing starts.
  await timeCatalogLoad(browser, portal.url, storageState);
  const loads = [];
  for (let run = 0; run < RUNS; run++) {
    loads.push(await timeCatalogLoad(browser, portal.url, storageState));
  }
  loads.sort((a, b) => a - b);
  console.log(
    `catalog page loads (${RUNS} cold loads): min ${
      loads[0]
    } ms, median ${median(loads)} ms, max ${loads.at(-1)} ms`,
  );
  console.log(`RESULT initial_js_gzip_kb ${kb(initialJs.gzip)} KB`);
  console.log(`RESULT catalog_page_load_ms ${median(loads)} ms`);
} finally {
  await browser.close();
  await portal.stop();
}

function measureInitialScripts(distDir) {
  const html = readFileSync(resolve(distDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map(
    m => m[1],
  );
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const file = readFileSync(resolve(distDir, src.replace(/^\//, '')));
    raw += file.length;
    gzip += gzipSync(file).length;
  }
  return { count: sources.length, raw, gzip };
}

async function signInOnce(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.waitForSelector('table tbody tr a', { timeout: 120_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

async function timeCatalogLoad(browser, url, storageState) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('table tbody tr a', { timeout: 60_000 });
  const elapsed = await page.evaluate(() => Math.round(performance.now()));
  await context.close();
  return elapsed;
}

function findChromium() {
  const candidates = [
    process.env.PORTAL_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find(path => path && existsSync(path));
  if (!found)
    throw new Error('No Chromium found: install one or set PORTAL_CHROMIUM');
  return found;
}

function median(sorted) {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]
    : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function kb(bytes) {
  return Math.round(bytes / 1024);
}
