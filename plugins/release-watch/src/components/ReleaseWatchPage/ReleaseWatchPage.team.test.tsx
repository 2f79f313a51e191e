import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { releaseWatchApiRef } from '../../api/ReleaseWatchApi';
import { mockReleaseWatchApi } from '../../__testUtils__/mockReleaseWatchApi';
import { ReleaseWatchPage } from './ReleaseWatchPage';

jest.setTimeout(30_000);

it('opens filtered to the team the address names, until the team is cleared', async () => {
  const api = mockReleaseWatchApi();
  renderInTestApp(<ReleaseWatchPage />, {
    apis: [[releaseWatchApiRef, api]],
    initialRouteEntries: ['/release-watch?owner=group%3Adefault%2Ffrontend'],
  });

  const chip = await screen.findByRole('button', { name: /Team: frontend/ });
  await waitFor(() =>
    expect(api.getOkrReports).toHaveBeenCalledWith(
      expect.objectContaining({ owner: 'group:default/frontend' }),
    ),
  );
  expect(api.getSummary).toHaveBeenCalledWith(
    expect.objectContaining({ owner: 'group:default/frontend' }),
  );
  expect(api.getReleases).toHaveBeenCalledWith(
    expect.objectContaining({ owner: 'group:default/frontend' }),
  );

  fireEvent.click(chip.querySelector('svg')!);
  await waitFor(() =>
    expect(
      screen.queryByRole('button', { name: /Team: frontend/ }),
    ).not.toBeInTheDocument(),
  );
  await waitFor(() =>
    expect(api.getSummary).toHaveBeenLastCalledWith(
      expect.objectContaining({ owner: undefined }),
    ),
  );
});
