import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReleaseWatchApi, releaseWatchApiRef } from '../../api/ReleaseWatchApi';
import { lastWeeks } from '../../filters/ReleaseWatchFilters';
import { okrReport, releasesResponse } from '../../__testUtils__/fixtures';
import {
  answerOkrReports,
  mockReleaseWatchApi,
} from '../../__testUtils__/mockReleaseWatchApi';
import { ReleaseWatchPage } from './ReleaseWatchPage';

// Rendering the tables and charts in jsdom takes seconds on a busy machine.
jest.setTimeout(30_000);

const SCOPES = {
  groups: ['backend', 'frontend'],
  entities: [
    { entityRef: 'component:default/orders-api', group: 'backend' },
    { entityRef: 'component:default/web', group: 'frontend' },
  ],
};

function apiWithData() {
  const api = mockReleaseWatchApi();
  api.getOkrReports.mockImplementation(
    answerOkrReports([
      okrReport(),
      okrReport({
        okr: {
          ...okrReport().okr,
          id: 'ci-feedback',
          title: 'CI feedback time',
          metric: 'ci_feedback',
          scope: { kind: 'org' },
          unit: 'minutes',
          baseline: 50,
          target: 15,
        },
        current: 40,
        change: -10,
        expectedNow: 30,
        forecastAtDue: 35,
        status: 'off-course',
      }),
      okrReport({
        okr: { ...okrReport().okr, id: 'page-load', title: 'Page load' },
        current: null,
        currentPeriodStart: null,
        change: null,
        forecastAtDue: null,
        status: 'no-data',
        points: [],
      }),
    ]),
  );
  api.getReleases.mockResolvedValue(releasesResponse());
  api.getScopes.mockResolvedValue(SCOPES);
  return api;
}

/** Renders the page and waits until the objectives, releases and scopes have loaded. */
async function renderPage(api: ReleaseWatchApi) {
  renderInTestApp(<ReleaseWatchPage />, {
    apis: [[releaseWatchApiRef, api]],
  });
  await waitForLoaded();
}

async function waitForLoaded() {
  await waitFor(() => {
    for (const name of ['Objectives', 'Releases']) {
      expect(screen.getByRole('region', { name })).toHaveAttribute(
        'aria-busy',
        'false',
      );
    }
    expect(screen.getByLabelText('Group')).not.toHaveAttribute('aria-disabled');
  });
}

describe('ReleaseWatchPage', () => {
  it('shows each objective with its figures in their units and its status', async () => {
    await renderPage(apiWithData());

    const row = screen
      .getByRole('cell', { name: 'Time to production, backend' })
      .closest('tr')!;
    expect(within(row).getByText('backend (group)')).toBeInTheDocument();
    expect(within(row).getByText('8 hours')).toBeInTheDocument();
    expect(within(row).getByText('3 hours')).toBeInTheDocument();
    expect(within(row).getByText('30 hours')).toBeInTheDocument();
    expect(within(row).getByText('-22 hours')).toBeInTheDocument();
    expect(within(row).getByText('17.5 hours')).toBeInTheDocument();
    expect(within(row).getByText('2.5 hours')).toBeInTheDocument();
    expect(within(row).getByText('on track')).toBeInTheDocument();

    const ciRow = screen
      .getByRole('cell', { name: 'CI feedback time' })
      .closest('tr')!;
    expect(within(ciRow).getByText('Organisation')).toBeInTheDocument();
    expect(within(ciRow).getByText('40 minutes')).toBeInTheDocument();
    expect(within(ciRow).getByText('off course')).toBeInTheDocument();

    const emptyRow = screen
      .getByRole('cell', { name: 'Page load' })
      .closest('tr')!;
    expect(within(emptyRow).getByText('no data')).toBeInTheDocument();
  });

  it('charts each objective against its target, baseline and trajectory', async () => {
    await renderPage(apiWithData());

    const chart = screen.getByRole('figure', {
      name: 'Time to production, backend per week',
    });
    expect(within(chart).getByText('target')).toBeInTheDocument();
    expect(within(chart).getByText('baseline')).toBeInTheDocument();
    expect(within(chart).getByText('hours')).toBeInTheDocument();
    expect(within(chart).getByText('trajectory')).toBeInTheDocument();
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(
      screen.getByText('Nothing measured in this range yet.'),
    ).toBeInTheDocument();
  });

  it('shows the sprint report above the releases, outliers marked', async () => {
    await renderPage(apiWithData());

    const report = screen.getByRole('list', { name: 'Sprint report' });
    expect(
      within(report).getByText(
        'backend: 1 of 2 releases under 3 hours, one outlier at 24 hours',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Time to production distribution' }),
    ).toBeInTheDocument();
    const outlierRow = screen.getByText('1.5.0').closest('tr')!;
    expect(within(outlierRow).getByText('24 hours')).toBeInTheDocument();
    expect(within(outlierRow).getByText('outlier')).toBeInTheDocument();
    const pendingRow = screen.getByText('1.6.0').closest('tr')!;
    expect(within(pendingRow).getByText('not yet')).toBeInTheDocument();
  });

  it('asks for the chosen group, entity, period and range', async () => {
    const api = mockReleaseWatchApi();
    api.getScopes.mockResolvedValue(SCOPES);
    await renderPage(api);
    expect(api.getOkrReports).toHaveBeenLastCalledWith(
      expect.objectContaining({ period: 'week' }),
    );

    fireEvent.mouseDown(screen.getByLabelText('Group'));
    fireEvent.click(await screen.findByRole('option', { name: 'frontend' }));

    await waitFor(() =>
      expect(api.getOkrReports).toHaveBeenLastCalledWith(
        expect.objectContaining({ group: 'frontend' }),
      ),
    );
    expect(api.getReleases).toHaveBeenLastCalledWith(
      expect.objectContaining({ group: 'frontend' }),
    );

    fireEvent.mouseDown(screen.getByLabelText('Entity'));
    const entities = await screen.findByRole('listbox');
    expect(
      within(entities)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['All of frontend', 'web']);
    fireEvent.click(within(entities).getByRole('option', { name: 'web' }));

    await waitFor(() =>
      expect(api.getReleases).toHaveBeenLastCalledWith(
        expect.objectContaining({ entityRef: 'component:default/web' }),
      ),
    );

    fireEvent.mouseDown(screen.getByLabelText('Period'));
    fireEvent.click(await screen.findByRole('option', { name: 'Per month' }));
    fireEvent.mouseDown(screen.getByLabelText('Range'));
    fireEvent.click(
      await screen.findByRole('option', { name: 'Last 52 weeks' }),
    );

    await waitFor(() =>
      expect(api.getOkrReports).toHaveBeenLastCalledWith({
        period: 'month',
        ...lastWeeks(52),
        entityRef: 'component:default/web',
      }),
    );
    await waitForLoaded();
  });

  it('says how to push events when there is nothing yet', async () => {
    await renderPage(mockReleaseWatchApi());

    expect(
      screen.getByText('No objectives for this scope'),
    ).toBeInTheDocument();
    expect(screen.getByText('No releases in this range')).toBeInTheDocument();
    expect(
      screen.getAllByText('POST /api/release-watch/events').length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByRole('button', { name: 'Download OKRs as CSV' }),
    ).toBeDisabled();
  });

  it("shows the backend's error", async () => {
    const api = mockReleaseWatchApi();
    api.getOkrReports.mockRejectedValue(new Error('Request failed with 500'));
    await renderPage(api);

    expect(screen.getByText('Request failed with 500')).toBeInTheDocument();
  });
});
