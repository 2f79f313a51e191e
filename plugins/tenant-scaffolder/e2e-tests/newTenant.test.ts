import { expect, test } from '@playwright/test';
import { openNewTenantWizard, signInThroughProxy } from '../../../e2e/portal';
import { expectNoSeriousA11yViolations } from '../../../e2e/accessibility';

test.setTimeout(360_000);

test('customer success creates a tenant with the wizard, finds it on the Tenants page, and engineers find it in the catalog', async ({
  page,
}) => {
  const slug = `journey-${Date.now().toString(36)}`;
  await openNewTenantWizard(page);
  // The wizard's own fields; the scaffolder page around them is upstream's.
  await expectNoSeriousA11yViolations(page, { include: 'form' });

  await page.getByLabel('Customer name').fill('Journey Corp');
  await page.getByLabel('Tenant slug').fill(slug);
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByLabel('Trial ends on').fill('2027-01-31');
  await page.getByRole('button', { name: 'Next' }).click();
  // Branding: the default palette, previewed with the customer's name.
  await expect(
    page.getByRole('img', { name: /^Preview: #1f6feb/ }),
  ).toBeVisible();
  await expect(page.getByText('Journey Corp')).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: 'form' });
  await page.getByRole('button', { name: 'Next' }).click();
  // Mail and footer: the defaults.
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(slug).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText(`is provisioned as ${slug}`)).toBeVisible({
    timeout: 90_000,
  });

  await expect(
    page.getByRole('link', { name: 'The tenant in the registry' }),
  ).toBeVisible();
  const serviceUrl = await page
    .getByRole('link', { name: 'Its service' })
    .getAttribute('href');
  expect(await (await page.request.get(serviceUrl!)).text()).toContain(
    '#1f6feb',
  );

  // The Tenants page lists it; its slug opens the tenant's own page.
  await page.goto('/tenants');
  const slugLink = page.getByRole('link', { name: slug, exact: true });
  const row = page.getByRole('row').filter({ has: slugLink });
  await expect(row).toBeVisible({ timeout: 10_000 });
  // Fleet upgrades are for portal admins; the guest is not one.
  await expect(
    page.getByRole('form', { name: 'Start a fleet upgrade' }),
  ).toHaveCount(0);
  await expect(row.getByText('Journey Corp')).toBeVisible();
  await expect(row.getByText('Trial until 2027-01-31')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await slugLink.click();
  await expect(page).toHaveURL(new RegExp(`/tenants/${slug}$`));
  await expect(
    page.getByRole('heading', { name: 'Journey Corp' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Save settings' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A settings change reaches the running tenant without a restart.
  await page.locator('#settings-primary').fill('#ff5500');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(
    page.getByText(/the running instance has them: no restart needed/),
  ).toBeVisible();
  expect(await (await page.request.get(serviceUrl!)).text()).toContain(
    '#ff5500',
  );

  // The tenants entity provider puts it in the catalog within a minute.
  await expect(async () => {
    await page.goto('/catalog?filters[kind]=resource');
    await expect(
      page.getByRole('link', { name: 'Journey Corp', exact: true }),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });
});

// Runs after the journey above, whose tenant is then ready.
test('a portal admin rolls a new version to every ready tenant and sees each result', async ({
  browser,
  baseURL,
}) => {
  const ada = await signInThroughProxy(
    browser,
    baseURL!,
    'ada.lovelace',
    '/tenants',
  );
  const form = ada.getByRole('form', { name: 'Start a fleet upgrade' });
  await form.getByLabel('Version').fill('1.1.0');
  await form.getByRole('button', { name: 'Start upgrade' }).click();

  const summary = ada.getByRole('group', { name: 'Fleet upgrade summary' });
  await expect(summary.getByText('Upgrade to 1.1.0')).toBeVisible();
  // The canary first; every tenant's service redeployed and healthy.
  await expect(
    summary.getByText(/(\d+) of \1 tenants done \(\1 succeeded, 0 failed\)/),
  ).toBeVisible({ timeout: 120_000 });

  await ada.reload();
  const row = ada.getByRole('row').filter({ hasText: 'Journey Corp' });
  await expect(row.getByText('1.1.0').first()).toBeVisible();
  await ada.context().close();
});
