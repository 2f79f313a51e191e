import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { releaseWatchApiRef } from '../../api/ReleaseWatchApi';
import { rootRouteRef } from '../../routes';
import { fiveKeys, keySummary } from '../../__testUtils__/fixtures';
import { mockReleaseWatchApi } from '../../__testUtils__/mockReleaseWatchApi';
import { TeamsPage } from './TeamsPage';

jest.setTimeout(30_000);

it('shows one row per team with its bands, each linking to the page filtered to it', async () => {
  const api = mockReleaseWatchApi();
  const slower = fiveKeys().map(key =>
    key.metric === 'lead_time'
      ? keySummary({ value: 200, band: 'medium', trend: null })
      : key,
  );
  api.getTeams.mockResolvedValue({
    from: '2026-06-01',
    to: '2026-11-29',
    teams: [
      {
        owner: 'group:default/engineering',
        title: 'Engineering',
        parent: null,
        entities: 3,
        keys: slower,
      },
      {
        owner: 'group:default/frontend',
        title: 'Frontend',
        parent: 'group:default/engineering',
        entities: 1,
        keys: fiveKeys(),
      },
    ],
  });

  renderInTestApp(<TeamsPage />, {
    apis: [[releaseWatchApiRef, api]],
    mountedRoutes: { '/release-watch': rootRouteRef },
  });

  await waitFor(() =>
    expect(screen.getByRole('region', { name: 'Teams' })).toHaveAttribute(
      'aria-busy',
      'false',
    ),
  );
  expect(api.getTeams).toHaveBeenCalledWith(
    expect.objectContaining({
      from: expect.any(String),
      to: expect.any(String),
    }),
  );
  const row = (team: string) =>
    within(screen.getByRole('link', { name: team }).closest('tr')!);

  expect(screen.getByRole('link', { name: 'Frontend' })).toHaveAttribute(
    'href',
    '/release-watch?owner=group%3Adefault%2Ffrontend',
  );
  expect(row('Frontend').getByText('Elite')).toBeInTheDocument();
  expect(row('Frontend').getByText('High')).toBeInTheDocument();
  expect(row('Frontend').getAllByText('no band')).toHaveLength(2);
  expect(row('Engineering').getByText(/200 hours/)).toBeInTheDocument();
  expect(row('Engineering').getAllByText('Medium')).toHaveLength(2);
  expect(row('Engineering').queryByText('High')).not.toBeInTheDocument();
  expect(
    screen.getByRole('link', { name: 'Back to Release Watch' }),
  ).toHaveAttribute('href', '/release-watch');
});

it('says what makes a team when there is none', async () => {
  const api = mockReleaseWatchApi();
  renderInTestApp(<TeamsPage />, { apis: [[releaseWatchApiRef, api]] });
  expect(await screen.findByText('No teams yet')).toBeInTheDocument();
});
