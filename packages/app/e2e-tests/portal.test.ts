import { expect, test } from '@playwright/test';
import { signInAsGuest } from '../../../e2e/portal';

test.describe('portal foundation', () => {
  test('a guest signs in and finds the catalog, the portal itself in it, and the templates', async ({
    page,
  }) => {
    await signInAsGuest(page);

    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    for (const item of [
      'Catalog',
      'Create',
      'Tenants',
      'Release Watch',
      'Review Environments',
    ]) {
      await expect(
        nav.getByRole('link', { name: item, exact: true }),
      ).toBeVisible();
    }

    // The catalog (the portal's home page) lists the portal's own System.
    await page.goto('/?filters[kind]=system');
    await expect(
      page.getByRole('link', { name: 'Developer Portal', exact: true }),
    ).toBeVisible();

    // The scaffolder page lists the registered templates.
    await nav.getByRole('link', { name: 'Create', exact: true }).click();
    await expect(
      page.getByRole('heading', { name: 'Example Node.js Template' }),
    ).toBeVisible();
  });
});
