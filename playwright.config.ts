import { defineConfig } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium } from './e2e/findChromium';
import { CHROMIUM_ARGS } from './scripts/lib/chromium.mjs';

/**
 * Journey tests: every workspace package with an `e2e-tests/` folder is a
 * project. They run in headless Chromium against a portal that the
 * webServer below starts: the production bundle served by the backend, on its
 * own port, with fresh SQLite data. Set PORTAL_E2E_URL to test a portal that
 * is already running instead.
 */
const port = Number(process.env.PORTAL_E2E_PORT ?? 7017);
const baseURL = process.env.PORTAL_E2E_URL ?? `http://localhost:${port}`;

const projects = ['packages', 'plugins']
  .flatMap(dir =>
    readdirSync(resolve(__dirname, dir)).map(name =>
      resolve(__dirname, dir, name),
    ),
  )
  .filter(dir => existsSync(resolve(dir, 'e2e-tests')))
  .map(dir => ({
    name: dir.slice(__dirname.length + 1),
    testDir: resolve(dir, 'e2e-tests'),
  }));

// Journeys named *.cloud-local.test.ts need the cloud-local profile's
// drivers (PostgreSQL, moto_server, the Cloudflare stand-in): they run only
// on that profile, and the other journeys only on the others.
const cloudLocal = process.env.PORTAL_E2E_PROFILE === 'cloud-local';
const CLOUD_LOCAL_JOURNEYS = '**/*.cloud-local.test.ts';

export default defineConfig({
  timeout: 120_000,
  ...(cloudLocal
    ? { testMatch: CLOUD_LOCAL_JOURNEYS }
    : { testIgnore: CLOUD_LOCAL_JOURNEYS }),
  expect: { timeout: 30_000 },
  // One portal, one set of data: journeys run one after another.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: 'node_modules/.cache/e2e-test-results',
  webServer: process.env.PORTAL_E2E_URL
    ? []
    : [
        {
          command: 'node scripts/e2e/serve-portal.mjs',
          url: `${baseURL}/.backstage/health/v1/readiness`,
          timeout: 300_000,
          reuseExistingServer: false,
          stdout: 'ignore',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
          env: {
            PORTAL_E2E_PORT: String(port),
            PORTAL_E2E_PROFILE: process.env.PORTAL_E2E_PROFILE ?? '',
          },
        },
      ],
  use: {
    baseURL,
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects,
});
