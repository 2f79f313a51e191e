import { expect, test } from '@playwright/test';
import { signInAsGuest } from '../../../e2e/portal';
import { expectNoSeriousA11yViolations } from '../../../e2e/accessibility';

test.describe('portal foundation', () => {
  test('a guest signs in to the home page, and finds the catalog, the portal itself in it, and the templates', async ({
    page,
  }) => {
    await signInAsGuest(page);

    // The home page: a card for each job.
    await expect(
      page.getByRole('heading', { name: 'Developer Portal', level: 1 }),
    ).toBeVisible();
    for (const card of [
      'Owned by you',
      'Tenants and services',
      'Objectives',
      'Staging and your review environments',
    ]) {
      await expect(page.getByRole('region', { name: card })).toBeVisible();
    }
    await expect(
      page.getByRole('button', { name: 'Create a tenant' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

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

    // The catalog, where every Backstage link expects it, lists the
    // portal's own System.
    await page.goto('/catalog?filters[kind]=system');
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
