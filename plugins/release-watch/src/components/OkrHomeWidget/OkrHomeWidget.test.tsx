import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { releaseWatchApiRef } from '../../api/ReleaseWatchApi';
import { okrReport } from '../../__testUtils__/fixtures';
import {
  answerOkrReports,
  mockReleaseWatchApi,
} from '../../__testUtils__/mockReleaseWatchApi';
import { OkrHomeWidget } from './OkrHomeWidget';

function render(api = mockReleaseWatchApi()) {
  renderInTestApp(<OkrHomeWidget />, { apis: [[releaseWatchApiRef, api]] });
  return api;
}

describe('OkrHomeWidget', () => {
  it('lists each objective in brief with its status, over the page default range', async () => {
    const api = mockReleaseWatchApi();
    api.getOkrReports.mockImplementation(
      answerOkrReports([
        okrReport(),
        okrReport({
          okr: { ...okrReport().okr, id: 'ci', title: 'CI feedback time' },
          current: null,
          status: 'no-data',
        }),
      ]),
    );
    render(api);

    const table = await screen.findByRole('table', { name: 'Objectives' });
    const row = within(table)
      .getByText('Time to production, backend')
      .closest('tr')!;
    expect(within(row).getByText('8 hours')).toBeInTheDocument();
    expect(within(row).getByText('3 hours')).toBeInTheDocument();
    expect(within(row).getByText('on track')).toBeInTheDocument();
    const noData = within(table).getByText('CI feedback time').closest('tr')!;
    expect(within(noData).getByText('no data')).toBeInTheDocument();
    expect(api.getOkrReports).toHaveBeenCalledWith(
      expect.objectContaining({ period: 'week' }),
    );
  });

  it('says where objectives come from when there are none', async () => {
    render();

    expect(await screen.findByText(/No objectives yet/)).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const api = mockReleaseWatchApi();
    api.getOkrReports.mockRejectedValue(new Error('release-watch is down'));
    render(api);

    expect(
      await screen.findByText('Error: release-watch is down', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
  });
});
