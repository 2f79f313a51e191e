// yarn docs:screenshots: the README's pictures, made from a running portal
// so that they stay current. Builds the app, starts the portal on its
// embedded defaults (a run folder of its own under .cache/), puts demo data
// in through the same paths real data takes (a tenant through the New
// tenant template, a pull request labelled `review` through the review-envs
// API as a CI pipeline would; Release Watch reads the demo git
// repositories), then signs in as guest and writes docs/screenshots/*.png.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { guestToken, runTemplate, waitForTemplate } from './lib/portalApi.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { REPO_ROOT, buildApp, startPortal } from './lib/servePortal.mjs';

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 7037);
const OUT = resolve(REPO_ROOT, 'docs/screenshots');
const ciToken = randomBytes(24).toString('hex');

const PAGES = [
  { file: 'home.png', path: '/', ready: 'text=Objectives' },
  { file: 'tenants.png', path: '/tenants', ready: 'text=acme' },
  { file: 'tenant.png', path: '/tenants/acme', ready: 'text=Save settings' },
  {
    file: 'new-tenant.png',
    path: '/create/templates/default/new-tenant',
    ready: 'text=Customer name',
  },
  {
    file: 'release-watch.png',
    path: '/release-watch',
    ready: '.recharts-line-curve',
  },
  { file: 'review-envs.png', path: '/review-envs', ready: 'text=ready' },
];

buildApp();
mkdirSync(OUT, { recursive: true });
const portal = await startPortal({
  port: PORT,
  name: 'screenshots',
  config: {
    backend: {
      auth: {
        externalAccess: [
          { type: 'static', options: { token: ciToken, subject: 'ci' } },
        ],
      },
    },
  },
});
const browser = await launchChromium();
try {
  const token = await guestToken(portal.url);
  await waitForTemplate(portal.url, token);
  console.log('demo data: tenant acme through the New tenant template');
  await runTemplate(portal.url, token, 'acme', 'Acme Corp');
  console.log('demo data: pull request #7 of this repository, labelled review');
  const headSha = execFileSync('git', ['rev-parse', 'HEAD'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).trim();
  const reported = await fetch(`${portal.url}/api/review-envs/pull-requests`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${ciToken}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      repository: 'local/developer-portal',
      number: 7,
      title: 'Invoice export',
      branch: 'feature/invoice-export',
      headSha,
      author: 'guest',
      open: true,
      labels: ['review'],
    }),
  });
  if (!reported.ok) {
    throw new Error(`pull request not taken: ${reported.status}`);
  }

  const page = await browser.newPage({
    viewport: { width: 1280, height: 860 },
  });
  await page.goto(portal.url);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('heading', { name: 'Developer Portal', level: 1 })
    .waitFor();
  for (const { file, path, ready } of PAGES) {
    await page.goto(`${portal.url}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: resolve(OUT, file) });
    console.log(`docs/screenshots/${file}`);
  }
} finally {
  await browser.close();
  await portal.stop();
}
