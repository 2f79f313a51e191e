import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import { releaseWatchApiRef } from '../../api/ReleaseWatchApi';
import { rootRouteRef } from '../../routes';
import { fiveKeys } from '../../__testUtils__/fixtures';
import { mockReleaseWatchApi } from '../../__testUtils__/mockReleaseWatchApi';
import { EntityTeamContent } from './EntityTeamContent';

jest.setTimeout(30_000);

it("shows a group's DORA summary and links to its filtered page", async () => {
  const api = mockReleaseWatchApi();
  api.getSummary.mockImplementation(async query => ({
    scope: { kind: 'owner', owner: query.owner! },
    from: query.from,
    to: query.to,
    keys: fiveKeys(),
  }));

  renderInTestApp(
    <EntityProvider
      entity={{
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'Frontend' },
        spec: { type: 'team', children: [] },
      }}
    >
      <EntityTeamContent />
    </EntityProvider>,
    {
      apis: [[releaseWatchApiRef, api]],
      mountedRoutes: { '/release-watch': rootRouteRef },
    },
  );

  expect(await screen.findByText('Elite')).toBeInTheDocument();
  await waitFor(() =>
    expect(api.getSummary).toHaveBeenCalledWith(
      expect.objectContaining({ owner: 'group:default/frontend' }),
    ),
  );
  expect(
    screen.getByRole('link', { name: "Open the team's Release Watch page" }),
  ).toHaveAttribute('href', '/release-watch?owner=group%3Adefault%2Ffrontend');
});
