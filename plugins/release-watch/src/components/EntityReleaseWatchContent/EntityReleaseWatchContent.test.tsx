import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import { releaseWatchApiRef } from '../../api/ReleaseWatchApi';
import { okrReport, releasesResponse } from '../../__testUtils__/fixtures';
import {
  answerOkrReports,
  mockReleaseWatchApi,
} from '../../__testUtils__/mockReleaseWatchApi';
import { EntityReleaseWatchContent } from './EntityReleaseWatchContent';

// Rendering the tables and charts in jsdom takes seconds on a busy machine.
jest.setTimeout(30_000);

it("shows the component's own objectives and releases", async () => {
  const api = mockReleaseWatchApi();
  api.getOkrReports.mockImplementation(
    answerOkrReports([
      okrReport({
        okr: {
          ...okrReport().okr,
          title: 'Lead time, orders API',
          scope: { kind: 'entity', entityRef: 'component:default/orders-api' },
        },
      }),
    ]),
  );
  api.getReleases.mockResolvedValue(releasesResponse());

  renderInTestApp(
    <EntityProvider
      entity={{
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Orders-API' },
        spec: { type: 'service', lifecycle: 'production', owner: 'backend' },
      }}
    >
      <EntityReleaseWatchContent />
    </EntityProvider>,
    { apis: [[releaseWatchApiRef, api]] },
  );

  await waitFor(() =>
    expect(
      screen.getByRole('figure', { name: 'Lead time, orders API per week' }),
    ).toBeInTheDocument(),
  );
  await waitFor(() =>
    expect(screen.getByRole('region', { name: 'Releases' })).toHaveAttribute(
      'aria-busy',
      'false',
    ),
  );
  expect(api.getOkrReports).toHaveBeenCalledWith(
    expect.objectContaining({ entityRef: 'component:default/orders-api' }),
  );
  expect(api.getOkrReports.mock.calls[0][0].group).toBeUndefined();
  expect(api.getReleases).toHaveBeenCalledWith(
    expect.objectContaining({ entityRef: 'component:default/orders-api' }),
  );
  expect(screen.queryByLabelText('Group')).not.toBeInTheDocument();
  expect(api.getScopes).not.toHaveBeenCalled();
});
