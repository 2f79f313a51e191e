import { screen } from '@testing-library/react';
import { tenant } from '../../__testUtils__/fixtures';
import { mockTenantScaffolderApi } from '../../__testUtils__/mockTenantScaffolderApi';
import {
  environmentFigures,
  mockTenantReleaseWatchApi,
} from '../../__testUtils__/mockTenantReleaseWatchApi';
import { grantPermissions } from '../../__testUtils__/permissions';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TenantScaffolderPage } from '../TenantScaffolderPage';
import { recentRange } from './TenantReleaseWatchCard';

jest.setTimeout(30_000);

async function renderAcme(
  releaseWatch: ReturnType<typeof mockTenantReleaseWatchApi>,
) {
  const api = mockTenantScaffolderApi();
  api.getTenant.mockResolvedValue(tenant());
  renderWithApi(<TenantScaffolderPage />, api, {
    mountPath: '/tenants/*',
    initialRouteEntries: ['/tenants/acme'],
    releaseWatch,
  });
  await screen.findByRole('heading', { name: 'Acme Corp' });
}

beforeEach(() => grantPermissions('all'));

describe('TenantReleaseWatchCard', () => {
  it("shows the tenant's deploys per week, change failure rate and last version", async () => {
    const releaseWatch = mockTenantReleaseWatchApi();
    releaseWatch.getTenantFigures.mockResolvedValue(
      environmentFigures({
        deployments: 6,
        deploysPerWeek: 0.5,
        failedDeployments: 2,
        changeFailureRate: 25,
        incidents: 1,
        lastVersion: '2.4.1',
        lastDeployedAt: '2026-03-20T10:00:00.000Z',
      }),
    );
    await renderAcme(releaseWatch);

    expect(await screen.findByText('2.4.1')).toBeInTheDocument();
    expect(screen.getByText('25%')).toBeInTheDocument();
    expect(screen.getByText('0.5')).toBeInTheDocument();
    expect(screen.getByText('6 (2 failed)')).toBeInTheDocument();
    expect(screen.getByText('tenant-acme, last 12 weeks')).toBeInTheDocument();
    expect(releaseWatch.getTenantFigures).toHaveBeenCalledWith(
      'acme',
      recentRange(),
    );
  });

  it('says when nothing was reported yet', async () => {
    await renderAcme(mockTenantReleaseWatchApi());
    expect(
      await screen.findByText('No deployments reported yet.'),
    ).toBeInTheDocument();
  });

  it('shows the error when Release Watch does not answer, and the rest of the page', async () => {
    const releaseWatch = mockTenantReleaseWatchApi();
    releaseWatch.getTenantFigures.mockRejectedValue(
      new Error('Release Watch is not installed'),
    );
    await renderAcme(releaseWatch);
    expect(
      (await screen.findAllByText(/Release Watch is not installed/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText('Trial until 2027-01-31').length,
    ).toBeGreaterThan(0);
  });

  it('spans the last 12 weeks up to today', () => {
    expect(recentRange(Date.parse('2026-03-29T15:00:00Z'))).toEqual({
      from: '2026-01-05',
      to: '2026-03-29',
    });
  });
});
