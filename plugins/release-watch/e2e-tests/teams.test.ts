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
  // A CI pipeline pushes eight weeks of production deployments: the
  // frontend's workspace-web every day, the backend's workspace-api twice a
  // week (the catalog's owners in examples/entities.yaml).
  const deployments = (entity: string, everyDays: number) =>
    Array.from({ length: Math.floor(56 / everyDays) }, (_, i) => ({
      kind: 'deployment',
      at: new Date(to - (i * everyDays + 1) * DAY_MS).toISOString(),
      entityRef: `component:default/${entity}`,
      environment: 'production',
      status: 'success',
      version: `teams-journey-${i}`,
    }));
  const events = [
    ...deployments('workspace-web', 1),
    ...deployments('workspace-api', 3.5),
  ];
  // Pushed once the catalog lists both: events of an entity it does not
  // know yet are stored unattributed.
  await expect
    .poll(
      async () => {
        const scopes = await callAsReleaseBot(
          request,
          'GET',
          '/api/release-watch/scopes',
        );
        const refs = ((await scopes.json()).entities ?? []).map(
          (entity: { entityRef: string }) => entity.entityRef,
        );
        return ['workspace-web', 'workspace-api'].every(name =>
          refs.includes(`component:default/${name}`),
        );
      },
      { timeout: 90_000 },
    )
    .toBe(true);
  const pushed = await callAsReleaseBot(
    request,
    'POST',
    '/api/release-watch/events',
    events,
  );
  expect(pushed.status()).toBe(200);
  expect((await pushed.json()).errors).toEqual([]);

  // The teams once the catalog's groups are read (at most a minute old).
  const deploysOf = (answer: TeamsResponse['teams'], owner: string): number =>
    answer
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
  const byOwner = new Map(teams.map(team => [team.owner, team]));
  // Engineering rolls its child groups up: every deploy of both.
  const deploysPerWeek = (owner: string) => deploysOf(teams, owner);
  expect(deploysPerWeek('group:default/frontend')).toBeGreaterThan(0);
  expect(deploysPerWeek('group:default/backend')).toBeGreaterThan(0);
  expect(deploysPerWeek('group:default/engineering')).toBeGreaterThanOrEqual(
    deploysPerWeek('group:default/frontend') +
      deploysPerWeek('group:default/backend') -
      1e-9,
  );
  expect(byOwner.get('group:default/engineering')!.entities).toBeGreaterThan(
    byOwner.get('group:default/frontend')!.entities,
  );

  await signInAsGuest(page, '/release-watch');
  await page.getByRole('link', { name: 'Teams side by side' }).click();
  const table = page.getByRole('region', { name: 'Teams' });
  // Each row as /teams answers when the page has drawn it: on a fresh
  // portal the demo repositories' history may still be arriving through the
  // local git source, so page and answer are compared again, reloaded,
  // until they agree.
  await expect(async () => {
    await page.reload();
    await expect(table).toHaveAttribute('aria-busy', 'false');
    for (const team of await teamsNow()) {
      const row = table.getByRole('row').filter({
        has: page.getByRole('link', { name: team.title, exact: true }),
      });
      await expect(row).toBeVisible({ timeout: 2_000 });
      const cells = row.getByRole('cell');
      for (const [i, key] of team.keys.entries()) {
        // The band the 2023 thresholds give the team's value, as shown.
        const { band } = bandOf(key.metric, key.value);
        expect(key.band).toBe(band);
        await expect(cells.nth(2 + i)).toContainText(
          band ? bandLabel(band) : 'no band',
          { timeout: 2_000 },
        );
      }
    }
  }).toPass({ timeout: 90_000 });
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
  await expect(async () => {
    const now = (await teamsNow()).find(t => t.owner === frontend.owner)!;
    const expected = bandOf('deployment_frequency', now.keys[0].value).band;
    await expect(deploys).toContainText(
      expected ? bandLabel(expected) : 'no band',
      { timeout: 2_000 },
    );
  }).toPass({ timeout: 30_000 });
});
