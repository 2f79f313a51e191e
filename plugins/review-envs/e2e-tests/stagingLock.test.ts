import { APIRequestContext, Page, expect, test } from '@playwright/test';
import {
  callAsReleaseBot,
  signInAsGuest,
  signInThroughProxy,
} from '../../../e2e/portal';

/** Claims the staging lock through its card, as the one signed in on the page. */
async function claimStaging(page: Page, reason: string) {
  await page.getByRole('button', { name: 'Claim' }).click();
  await page.getByLabel('Reason').fill(reason);
  await page.getByRole('dialog').getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByText('Held by you')).toBeVisible();
}

/** A call of the release bot (a CI pipeline) on the staging lock's API. */
function callStagingAsReleaseBot(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  action: '' | '/claim' | '/queue' | '/release',
  data?: unknown,
) {
  return callAsReleaseBot(
    request,
    method,
    `/api/review-envs/locks/staging${action}`,
    data,
  );
}

test('a developer claims the staging lock, a pipeline finds it held and queues, the developer releases it to the pipeline', async ({
  page,
  request,
}) => {
  await signInAsGuest(page, '/review-envs');
  await expect(page.getByText('Staging lock')).toBeVisible();
  await expect(page.getByText('Free')).toBeVisible();

  await claimStaging(page, 'Release 2.4 smoke test');
  await expect(page.getByText('Reason: Release 2.4 smoke test')).toBeVisible();

  // Another party, a CI pipeline, finds the lock held by the developer.
  const nightly = { reason: 'nightly deploy' };
  const refused = await callStagingAsReleaseBot(
    request,
    'POST',
    '/claim',
    nightly,
  );
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toContain('user:default/guest');
  const queued = await callStagingAsReleaseBot(
    request,
    'POST',
    '/queue',
    nightly,
  );
  expect(queued.status()).toBe(200);
  await expect(
    page.getByText('release-bot: nightly deploy (120 min)'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Release' }).click();
  await expect(page.getByText('Held by release-bot')).toBeVisible();

  const check = await callStagingAsReleaseBot(request, 'GET', '');
  const lock = await check.json();
  expect(lock).toMatchObject({
    holder: 'release-bot',
    reason: 'nightly deploy',
  });

  // The pipeline's deploy is done: it releases the lock with its token.
  const released = await callStagingAsReleaseBot(request, 'POST', '/release', {
    fencingToken: lock.fencingToken,
  });
  expect(released.status()).toBe(200);
});

test('a developer claims the staging lock, a colleague sees it held by them, and free once released', async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAsGuest(page, '/review-envs');
  await expect(page.getByText('Free')).toBeVisible();
  await claimStaging(page, 'Checking the 2.5 migration');

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
