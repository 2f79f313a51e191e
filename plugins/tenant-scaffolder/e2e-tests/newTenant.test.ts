import { expect, test } from '@playwright/test';
import { signInAsGuest } from '../../../e2e/portal';

test('customer success creates a tenant with the wizard, and engineers find it in the catalog', async ({
  page,
}) => {
  const slug = `journey-${Date.now().toString(36)}`;
  await signInAsGuest(page, '/create/templates/default/new-tenant');

  await page.getByLabel('Customer name').fill('Journey Corp');
  await page.getByLabel('Tenant slug').fill(slug);
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByLabel('Trial ends on').fill('2027-01-31');
  await page.getByRole('button', { name: 'Next' }).click();
  // Branding, then mail and footer: the defaults.
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(slug).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText(`is provisioned as ${slug}`)).toBeVisible({
    timeout: 90_000,
  });

  // The tenants entity provider puts it in the catalog within a minute.
  await expect(async () => {
    await page.goto('/?filters[kind]=resource');
    await expect(
      page.getByRole('link', { name: 'Journey Corp', exact: true }),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });
});
