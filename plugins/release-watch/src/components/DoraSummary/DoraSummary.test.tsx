import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { releaseWatchApiRef } from '../../api/ReleaseWatchApi';
import { fiveKeys } from '../../__testUtils__/fixtures';
import { mockReleaseWatchApi } from '../../__testUtils__/mockReleaseWatchApi';
import { DoraSummary } from './DoraSummary';

jest.setTimeout(30_000);

it("shows each key's value, band and trend for the scope asked", async () => {
  const api = mockReleaseWatchApi();
  api.getSummary.mockResolvedValue({
    scope: { kind: 'owner', owner: 'group:default/frontend' },
    from: '2026-06-01',
    to: '2026-11-29',
    keys: fiveKeys(),
  });

  renderInTestApp(
    <DoraSummary
      query={{
        owner: 'group:default/frontend',
        from: '2026-06-01',
        to: '2026-11-29',
      }}
    />,
    { apis: [[releaseWatchApiRef, api]] },
  );

  await waitFor(() =>
    expect(
      screen.getByRole('region', { name: 'DORA summary' }),
    ).toHaveAttribute('aria-busy', 'false'),
  );
  expect(api.getSummary).toHaveBeenCalledWith({
    owner: 'group:default/frontend',
    from: '2026-06-01',
    to: '2026-11-29',
  });
  const tile = (name: string) => within(screen.getByRole('listitem', { name }));

  const deploys = tile('Deployment frequency');
  expect(deploys.getByText(/8 deploys per week/)).toBeInTheDocument();
  expect(deploys.getByText('Elite')).toBeInTheDocument();
  // Fewer deploys is worse news, whichever way the arrow points.
  expect(
    deploys.getByRole('img', {
      name: 'Trend down, worse: 6 deploys per week in the last 28 days, 10 deploys per week before',
    }),
  ).toBeInTheDocument();

  const lead = tile('Lead time for changes');
  expect(lead.getByText(/30 hours/)).toBeInTheDocument();
  expect(lead.getByText('High')).toBeInTheDocument();
  expect(
    lead.getByRole('img', { name: /^Trend down, better: 20 hours/ }),
  ).toBeInTheDocument();

  expect(
    tile('Change failure rate').getByRole('img', { name: /^Trend flat/ }),
  ).toBeInTheDocument();
  expect(tile('Change failure rate').getByText('Medium')).toBeInTheDocument();

  const restore = tile('Failed deployment recovery time');
  expect(restore.getByText('—')).toBeInTheDocument();
  expect(restore.getByText('no band')).toBeInTheDocument();

  const rework = tile('Deployment rework rate');
  expect(rework.getByText(/^4%/)).toBeInTheDocument();
  expect(
    rework.getByTitle(
      'The 2023 DORA report defines no performance band for deployment rework rate',
    ),
  ).toHaveTextContent('no band');
});
