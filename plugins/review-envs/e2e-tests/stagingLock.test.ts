import { expect, test } from '@playwright/test';
import {
  callAsReleaseBot,
  signInAsGuest,
  signInThroughProxy,
} from '../../../e2e/portal';

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

  // The pipeline's deploy is done: it releases the lock with its token.
  const released = await callAsReleaseBot(
    request,
    'POST',
    '/api/review-envs/locks/staging/release',
    { fencingToken: lock.fencingToken },
  );
  expect(released.status()).toBe(200);
});

test('a developer claims the staging lock, a colleague sees it held by them, and free once released', async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAsGuest(page, '/review-envs');
  await expect(page.getByText('Free')).toBeVisible();
  await page.getByRole('button', { name: 'Claim' }).click();
  await page.getByLabel('Reason').fill('Checking the 2.5 migration');
  await page.getByRole('dialog').getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByText('Held by you')).toBeVisible();

  // Ada, another person, signed in on her own.
  const ada = await signInThroughProxy(
    browser,
    baseURL!,
    'ada.lovelace',
    '/review-envs',
  );
  await expect(ada.getByText('Held by guest')).toBeVisible();
  await expect(
    ada.getByText('Reason: Checking the 2.5 migration'),
  ).toBeVisible();
  await expect(ada.getByRole('button', { name: 'Claim' })).toHaveCount(0);
  // She is a portal admin: she may force-release it, and does not.
  await expect(
    ada.getByRole('button', { name: 'Force release' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Release' }).click();
  await expect(page.getByText('Free')).toBeVisible();
  // Her card follows without a reload.
  await expect(ada.getByText('Free')).toBeVisible({ timeout: 15_000 });
  await ada.context().close();
});
