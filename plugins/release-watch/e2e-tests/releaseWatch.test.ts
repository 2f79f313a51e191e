import { expect, test } from '@playwright/test';
import { callAsReleaseBot, signInAsGuest } from '../../../e2e/portal';
import { expectNoSeriousA11yViolations } from '../../../e2e/accessibility';

const WEEK_MS = 7 * 86_400_000;

test('a manager opens Release Watch and sees the OKR table and a chart drawn from events pushed in the test', async ({
  page,
  request,
}) => {
  // A CI pipeline pushes eight weeks of page load times, falling from
  // 5 s to 3.1 s: the "Time to load the application" objective's data.
  const now = Date.now();
  const samples = Array.from({ length: 8 }, (_, i) => ({
    kind: 'metric',
    at: new Date(now - (7 - i) * WEEK_MS - 3_600_000).toISOString(),
    entityRef: 'component:default/workspace-web',
    name: 'page_load',
    value: Math.round((5 - (i * 1.9) / 7) * 10) / 10,
    unit: 's',
  }));
  const pushed = await callAsReleaseBot(
    request,
    'POST',
    '/api/release-watch/events',
    samples,
  );
  expect(pushed.status()).toBe(200);
  expect(await pushed.json()).toMatchObject({ accepted: 8, errors: [] });

  await signInAsGuest(page, '/release-watch');

  const objectives = page.getByRole('region', { name: 'Objectives' });
  const row = objectives
    .getByRole('row')
    .filter({ hasText: 'Time to load the application' });
  await expect(row).toBeVisible();
  await expect(row.getByText('3.1 s')).toBeVisible();
  await expect(row.getByText('2.3 s').first()).toBeVisible();

  const chart = page.getByRole('figure', {
    name: 'Time to load the application per week',
  });
  await expect(chart).toBeVisible();
  await expect(chart.getByText('target', { exact: true })).toBeVisible();
  await expect(chart.locator('.recharts-line-curve').first()).toBeVisible();

  // The demo repositories' releases, read through the local git source.
  await expect(page.getByRole('region', { name: 'Releases' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
