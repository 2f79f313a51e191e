import { expect, Page } from '@playwright/test';

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
