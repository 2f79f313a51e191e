import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { callAsReleaseBot, signInAsGuest } from '../../../e2e/portal';
import { expectNoSeriousA11yViolations } from '../../../e2e/accessibility';

test('a labelled pull request gets a running review environment, which its author tears down', async ({
  page,
  request,
  context,
}) => {
  // This repository's HEAD, as a pull request by guest labelled `review`
  // (app-config.yaml maps local/developer-portal to this repository).
  const headSha = execFileSync('git', ['rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  const reported = await callAsReleaseBot(
    request,
    'POST',
    '/api/review-envs/pull-requests',
    {
      repository: 'local/developer-portal',
      number: 1,
      title: 'Journey test',
      branch: 'journey',
      headSha,
      author: 'guest',
      open: true,
      labels: ['review'],
    },
  );
  expect(reported.status()).toBe(202);

  await signInAsGuest(page, '/review-envs');
  const row = page.getByRole('row').filter({ hasText: '#1 Journey test' });
  await expect(row.getByText('ready', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expectNoSeriousA11yViolations(page);

  const url = await row
    .getByRole('link', { name: /^http:\/\/127\.0\.0\.1:\d+/ })
    .getAttribute('href');
  const environment = await context.newPage();
  await environment.goto(url!);
  await expect(
    environment.getByRole('heading', {
      name: 'Review environment local-developer-portal-pr-1',
    }),
  ).toBeVisible();
  await expect(environment.getByText(headSha)).toBeVisible();
  await environment.close();

  await row.getByRole('button', { name: 'Tear down' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Tear down' })
    .click();
  // Once gone it leaves the list, and shows among the ended ones.
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  await page.getByLabel(/^Show ended/).check();
  await expect(row.getByText('gone', { exact: true })).toBeVisible();
  await expect(row.getByRole('button')).toHaveText(['Logs']);
});
