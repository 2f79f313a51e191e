import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EnvironmentFigures } from '@internal/plugin-release-watch-common';
import { screen, waitFor, within } from '@testing-library/react';
import { releaseWatchApiRef } from '../../api/ReleaseWatchApi';
import { mockReleaseWatchApi } from '../../__testUtils__/mockReleaseWatchApi';
import { TenantEnvironmentsSection } from './TenantEnvironmentsSection';

jest.setTimeout(30_000);

const RANGE = { from: '2026-01-05', to: '2026-03-29' };

function figures(overrides: Partial<EnvironmentFigures>): EnvironmentFigures {
  return {
    environment: 'tenant-acme',
    deployments: 12,
    deploysPerWeek: 1,
    failedDeployments: 3,
    changeFailureRate: 20,
    incidents: 1,
    lastVersion: '2.4.1',
    lastDeployedAt: '2026-03-20T10:00:00.000Z',
    metric: null,
    ...overrides,
  };
}

async function renderSection(api: ReturnType<typeof mockReleaseWatchApi>) {
  await renderInTestApp(<TenantEnvironmentsSection range={RANGE} />, {
    apis: [[releaseWatchApiRef, api]],
  });
}

describe('TenantEnvironmentsSection', () => {
  it("shows each production environment's deploys per week, change failure rate and last version", async () => {
    const api = mockReleaseWatchApi();
    api.getEnvironments.mockResolvedValue({
      from: '2026-01-05T00:00:00.000Z',
      to: '2026-03-29T23:59:59.999Z',
      environments: [
        figures({}),
        figures({
          environment: 'tenant-globex',
          deployments: 0,
          deploysPerWeek: 0,
          failedDeployments: 0,
          changeFailureRate: null,
          incidents: 0,
          lastVersion: '2.3.0',
          lastDeployedAt: '2025-11-02T08:00:00.000Z',
        }),
      ],
    });
    await renderSection(api);

    const acme = (
      await screen.findByRole('cell', { name: 'tenant-acme' })
    ).closest('tr')!;
    expect(within(acme).getByText('20%')).toBeInTheDocument();
    expect(within(acme).getByText('2.4.1')).toBeInTheDocument();
    expect(within(acme).getByText('12')).toBeInTheDocument();
    const globex = screen
      .getByRole('cell', { name: 'tenant-globex' })
      .closest('tr')!;
    expect(within(globex).getByText('2.3.0')).toBeInTheDocument();
    expect(within(globex).getByText('—')).toBeInTheDocument();
    expect(screen.getByText('2 production environments')).toBeInTheDocument();
    expect(api.getEnvironments).toHaveBeenCalledWith(RANGE);
  });

  it('says so when no deployment was reported yet', async () => {
    const api = mockReleaseWatchApi();
    await renderSection(api);
    expect(
      await screen.findByText('No deployments reported yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the error when Release Watch does not answer', async () => {
    const api = mockReleaseWatchApi();
    api.getEnvironments.mockRejectedValue(new Error('Release Watch is down'));
    await renderSection(api);
    expect(
      (await screen.findAllByText(/Release Watch is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('is busy while loading', async () => {
    const api = mockReleaseWatchApi();
    api.getEnvironments.mockReturnValue(new Promise(() => {}));
    await renderSection(api);
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Tenants' })).toHaveAttribute(
        'aria-busy',
        'true',
      ),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
