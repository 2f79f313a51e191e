import { expect, test } from '@playwright/test';
import {
  bandLabel,
  bandOf,
  TeamsResponse,
} from '@internal/plugin-release-watch-common';
import { callAsReleaseBot, signInAsGuest } from '../../../e2e/portal';
import { expectNoSeriousA11yViolations } from '../../../e2e/accessibility';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test("a manager opens the teams view and sees each team's band", async ({
  page,
  request,
}) => {
  // The page's default range: the last 26 weeks up to today.
  const to = Date.now();
  const range = `from=${day(to - (26 * 7 - 1) * DAY_MS)}&to=${day(to)}`;
  const teamsNow = async () => {
    const answer = await callAsReleaseBot(
      request,
      'GET',
      `/api/release-watch/teams?${range}`,
    );
    expect(answer.status()).toBe(200);
    return ((await answer.json()) as TeamsResponse).teams;
  };
  // A fresh portal reads the demo repositories on its first poll.
  const deploysOf = (teams: TeamsResponse['teams'], owner: string) =>
    teams
      .find(team => team.owner === owner)
      ?.keys.find(key => key.metric === 'deployment_frequency')?.value ?? 0;
  await expect
    .poll(
      async () => {
        const now = await teamsNow();
        return (
          deploysOf(now, 'group:default/frontend') > 0 &&
          deploysOf(now, 'group:default/backend') > 0
        );
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  const teams = await teamsNow();

  // The demo repositories (workspace-web, workspace-api) deploy to
  // production every week and merge changes: their owners, frontend and
  // backend, and engineering above both, have deploy and lead time bands.
  const byOwner = new Map(teams.map(team => [team.owner, team]));
  for (const owner of [
    'group:default/frontend',
    'group:default/backend',
    'group:default/engineering',
  ]) {
    const team = byOwner.get(owner);
    expect(team, owner).toBeDefined();
    const frequency = team!.keys.find(
      k => k.metric === 'deployment_frequency',
    )!;
    expect(frequency.value).toBeGreaterThan(0);
    expect(team!.keys.find(k => k.metric === 'lead_time')!.band).not.toBeNull();
  }
  // Engineering rolls its child groups up: at least their entities.
  expect(byOwner.get('group:default/engineering')!.entities).toBeGreaterThan(
    byOwner.get('group:default/frontend')!.entities,
  );

  await signInAsGuest(page, '/release-watch');
  await page.getByRole('link', { name: 'Teams side by side' }).click();
  const table = page.getByRole('region', { name: 'Teams' });
  await expect(table).toHaveAttribute('aria-busy', 'false');

  for (const team of teams) {
    const row = table.getByRole('row').filter({
      has: page.getByRole('link', { name: team.title, exact: true }),
    });
    await expect(row).toBeVisible();
    const cells = row.getByRole('cell');
    for (const [i, key] of team.keys.entries()) {
      // The band the 2023 thresholds give the team's value, as shown.
      const { band } = bandOf(key.metric, key.value);
      expect(key.band).toBe(band);
      await expect(cells.nth(2 + i)).toContainText(
        band ? bandLabel(band) : 'no band',
      );
    }
  }
  await expectNoSeriousA11yViolations(page);

  // A team's row opens the page filtered to it, its filter bar saying so.
  const frontend = byOwner.get('group:default/frontend')!;
  await table.getByRole('link', { name: frontend.title, exact: true }).click();
  await expect(
    page.getByRole('button', { name: /Team: frontend/ }),
  ).toBeVisible();
  const deploys = page
    .getByRole('region', { name: 'DORA summary' })
    .getByRole('listitem', { name: 'Deployment frequency' });
  const expected = bandOf('deployment_frequency', frontend.keys[0].value).band;
  await expect(deploys).toContainText(
    expected ? bandLabel(expected) : 'no band',
  );
});
