import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';

/**
 * Runs axe on the page (or only within `include`, a CSS selector for the
 * portal's own part of a page that Backstage frames) and expects no serious
 * or critical violation; a failure names each rule and the elements at fault.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  options: { include?: string } = {},
) {
  // Let lazily loaded widgets and tables settle before looking.
  await page.waitForLoadState('networkidle');
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .flatMap(v =>
      v.nodes.map(node => `${v.id} (${v.impact}): ${node.target.join(' ')}`),
    );
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}
