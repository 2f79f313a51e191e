import { expect, test } from '@playwright/test';
import { callAsReleaseBot, signInAsGuest } from '../../../e2e/portal';

test('a developer claims the staging lock, a pipeline finds it held and queues, the developer releases it to the pipeline', async ({
  page,
  request,
}) => {
  await signInAsGuest(page, '/review-envs');
  await expect(page.getByText('Staging lock')).toBeVisible();
  await expect(page.getByText('Free')).toBeVisible();

  await page.getByRole('button', { name: 'Claim' }).click();
  await page.getByLabel('Reason').fill('Release 2.4 smoke test');
  await page.getByRole('dialog').getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByText('Held by you')).toBeVisible();
  await expect(page.getByText('Reason: Release 2.4 smoke test')).toBeVisible();

  // Another party, a CI pipeline, finds the lock held by the developer.
  const refused = await callAsReleaseBot(
    request,
    'POST',
    '/api/review-envs/locks/staging/claim',
    {
      reason: 'nightly deploy',
    },
  );
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toContain('user:default/guest');
  const queued = await callAsReleaseBot(
    request,
    'POST',
    '/api/review-envs/locks/staging/queue',
    {
      reason: 'nightly deploy',
    },
  );
  expect(queued.status()).toBe(200);
  await expect(
    page.getByText('release-bot: nightly deploy (120 min)'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Release' }).click();
  await expect(page.getByText('Held by release-bot')).toBeVisible();

  const check = await callAsReleaseBot(
    request,
    'GET',
    '/api/review-envs/locks/staging',
  );
  const lock = await check.json();
  expect(lock).toMatchObject({
    holder: 'release-bot',
    reason: 'nightly deploy',
  });
});
