import { APIRequestContext, Browser, expect, Page } from '@playwright/test';

/**
 * Signs in with the guest provider from the sign-in page and waits for the
 * sidebar. Journeys start with this.
 */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/**
 * Signs in as guest and opens the New tenant template's form, waiting for a
 * fresh portal's catalog to have read the template (within its first
 * minutes).
 */
export async function openNewTenantWizard(page: Page) {
  await signInAsGuest(page, '/create/templates/default/new-tenant');
  await expect(async () => {
    await page.goto('/create/templates/default/new-tenant');
    await expect(page.getByLabel('Customer name')).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 180_000 });
}

/**
 * A second person in the same journey: a browser context whose requests
 * carry `x-forwarded-user`, as oauth2-proxy in front of a portal would, so
 * the portal signs it in as that catalog User (app-config.e2e.yaml).
 */
export async function signInThroughProxy(
  browser: Browser,
  baseURL: string,
  userName: string,
  path = '/',
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { 'x-forwarded-user': userName },
  });
  const page = await context.newPage();
  await page.goto(path);
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  return page;
}

/** Calls the portal's REST API as the `release-bot` CI pipeline (app-config.e2e.yaml). */
export async function callAsReleaseBot(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  data?: unknown,
) {
  return request.fetch(path, {
    method,
    data,
    headers: { Authorization: 'Bearer e2e-release-bot-token-not-a-secret' },
  });
}
