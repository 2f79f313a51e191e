import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { callAsReleaseBot, signInAsGuest } from '../../../e2e/portal';

const REPO_ROOT = resolve(__dirname, '../../..');
const TENANT = 'umbrella';

/**
 * The tenant's own database where the portal's tenant drivers keep it
 * (`<tenantScaffolder.dataDir>/databases`), made from the tenants' seed SQL
 * with rows a customer would have. The journey's own portal keeps its data
 * under `.cache/portal-runs/<PORTAL_E2E_NAME>`; a portal already running
 * (PORTAL_E2E_URL) without a name is `./scripts/start`'s, whose data is in
 * `data/`.
 */
function makeTenantDatabase() {
  const name = process.env.PORTAL_E2E_NAME;
  const tenantsDir =
    !name && process.env.PORTAL_E2E_URL
      ? join(REPO_ROOT, 'data/tenants')
      : join(REPO_ROOT, '.cache/portal-runs', name ?? 'e2e', 'tenants');
  const directory = join(tenantsDir, 'databases');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${TENANT}.sqlite`);
  rmSync(file, { force: true });
  const db = new DatabaseSync(file);
  db.exec(
    readFileSync(join(REPO_ROOT, 'templates/new-tenant/seed.sql'), 'utf8'),
  );
  for (let i = 1; i <= 3; i++) {
    db.prepare('INSERT INTO projects (id, name) VALUES (?, ?)').run(
      i,
      `Umbrella secret project ${i}`,
    );
    db.prepare(
      'INSERT INTO invoices (id, project_id, total_cents) VALUES (?, ?, ?)',
    ).run(i, i, i * 1000);
  }
  db.close();
}

test('a pull request labelled seed:<tenant> comes up with a masked copy of that tenant’s data', async ({
  page,
  request,
  context,
}) => {
  makeTenantDatabase();
  const headSha = execFileSync('git', ['rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  const pullRequest = {
    repository: 'local/developer-portal',
    number: 2,
    title: 'Seed journey',
    branch: 'seed-journey',
    headSha,
    author: 'guest',
    open: true,
    labels: ['review', `seed:${TENANT}`],
  };
  const reported = await callAsReleaseBot(
    request,
    'POST',
    '/api/review-envs/pull-requests',
    pullRequest,
  );
  expect(reported.status()).toBe(202);

  await signInAsGuest(page, '/review-envs');
  const row = page.getByRole('row').filter({ hasText: '#2 Seed journey' });
  await expect(row.getByText('ready', { exact: true })).toBeVisible({
    timeout: 90_000,
  });

  const url = await row
    .getByRole('link', { name: /^http:\/\/127\.0\.0\.1:\d+/ })
    .getAttribute('href');
  const environment = await context.newPage();
  await environment.goto(url!);
  await expect(
    environment.getByRole('heading', { name: 'projects (3 rows)' }),
  ).toBeVisible();
  await expect(
    environment.getByRole('heading', { name: 'invoices (3 rows)' }),
  ).toBeVisible();
  // Masked: fake names in place of the tenant's, amounts kept.
  await expect(environment.getByText(/Umbrella secret project/)).toHaveCount(0);
  await expect(environment.getByRole('cell', { name: '3000' })).toBeVisible();
  await environment.close();

  const seeds = await callAsReleaseBot(
    request,
    'GET',
    '/api/review-envs/environments/local-developer-portal-pr-2/seeds',
  );
  expect((await seeds.json()).items).toEqual([
    expect.objectContaining({
      tenant: TENANT,
      actor: 'seed-label',
      state: 'succeeded',
      rows: 6,
    }),
  ]);

  // Through the portal's own permission policy: the pull request's author
  // may seed its environment; once the pull request names someone else as
  // its author, the same signed-in user is refused and nothing is copied.
  const refreshed = await request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const guest = {
    Authorization: `Bearer ${(await refreshed.json()).backstageIdentity.token}`,
  };
  const seedAsGuest = () =>
    request.post(
      '/api/review-envs/environments/local-developer-portal-pr-2/seed',
      { headers: guest, data: { tenant: TENANT } },
    );
  expect((await seedAsGuest()).status()).toBe(201);
  const reassigned = await callAsReleaseBot(
    request,
    'POST',
    '/api/review-envs/pull-requests',
    { ...pullRequest, author: 'ada.lovelace' },
  );
  expect(reassigned.status()).toBe(202);
  const refused = await seedAsGuest();
  expect(refused.status()).toBe(403);
  const after = await callAsReleaseBot(
    request,
    'GET',
    '/api/review-envs/environments/local-developer-portal-pr-2/seeds',
  );
  expect((await after.json()).items).toHaveLength(2);

  await row.getByRole('button', { name: 'Tear down' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Tear down' })
    .click();
  await expect(row).toHaveCount(0, { timeout: 30_000 });
});
