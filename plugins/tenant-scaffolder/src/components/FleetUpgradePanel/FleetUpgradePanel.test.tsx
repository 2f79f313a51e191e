import { tenantFleetUpgradePermission } from '@internal/plugin-tenant-scaffolder-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TenantScaffolderApi } from '../../api/TenantScaffolderApi';
import { fleetTenant, fleetUpgrade } from '../../__testUtils__/fixtures';
import {
  mockTenantScaffolderApi,
  responseError,
} from '../../__testUtils__/mockTenantScaffolderApi';
import { grantPermissions } from '../../__testUtils__/permissions';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { FleetUpgradePanel } from './FleetUpgradePanel';

jest.setTimeout(30_000);

function apiWithUpgrade(upgrade = fleetUpgrade()) {
  const api = mockTenantScaffolderApi();
  const { tenants, ...withoutTenants } = upgrade;
  api.listFleetUpgrades.mockResolvedValue([
    withoutTenants,
    { ...withoutTenants, id: 6, status: 'completed' },
  ]);
  api.getFleetUpgrade.mockResolvedValue(upgrade);
  return api;
}

async function renderPanel(api: TenantScaffolderApi) {
  renderWithApi(<FleetUpgradePanel />, api);
  await screen.findByRole('progressbar', { name: 'Fleet upgrade progress' });
}

function summary() {
  return screen.getByRole('group', { name: 'Fleet upgrade summary' });
}

beforeEach(() => grantPermissions([tenantFleetUpgradePermission.name]));

describe('FleetUpgradePanel', () => {
  it('shows the newest upgrade: progress, wave, status and each tenant', async () => {
    const api = apiWithUpgrade();
    await renderPanel(api);

    expect(api.getFleetUpgrade).toHaveBeenCalledWith(7);
    expect(
      screen.getByRole('progressbar', { name: 'Fleet upgrade progress' }),
    ).toHaveAttribute('aria-valuenow', '50');
    expect(
      screen.getByText('2 of 4 tenants done (1 succeeded, 1 failed)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Wave 2 of 3')).toBeInTheDocument();
    expect(screen.getByText('Upgrade to 2.4.0')).toBeInTheDocument();
    expect(within(summary()).getByText('running')).toBeInTheDocument();

    const failed = screen.getByRole('cell', { name: 'globex' }).closest('tr')!;
    expect(within(failed).getByText('failed')).toBeInTheDocument();
    expect(
      within(failed).getByText('health check timed out'),
    ).toBeInTheDocument();
    expect(
      within(failed).getByRole('button', { name: 'Retry globex' }),
    ).toBeInTheDocument();
    const succeeded = screen.getByRole('cell', { name: 'acme' }).closest('tr')!;
    expect(
      within(succeeded).queryByRole('button', { name: /Retry/ }),
    ).not.toBeInTheDocument();

    // Running: it can be cancelled, not resumed, and no other may start.
    expect(
      screen.getByRole('button', { name: 'Cancel upgrade' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Resume' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start upgrade' }),
    ).toBeDisabled();
  });

  it('retries a failed tenant alone', async () => {
    const api = apiWithUpgrade(fleetUpgrade({ status: 'completed' }));
    api.retryFleetUpgradeTenant.mockResolvedValue(
      fleetTenant({ slug: 'globex', wave: 1, status: 'running', attempts: 2 }),
    );
    await renderPanel(api);

    fireEvent.click(screen.getByRole('button', { name: 'Retry globex' }));

    await waitFor(() =>
      expect(api.retryFleetUpgradeTenant).toHaveBeenCalledWith(7, 'globex'),
    );
    await waitFor(() => expect(api.getFleetUpgrade).toHaveBeenCalledTimes(2));
  });

  it('resumes a paused upgrade, showing why it paused', async () => {
    const paused = fleetUpgrade({
      status: 'paused',
      reason: 'Wave 1: 2 of 5 tenants failed, more than 20%',
    });
    const api = apiWithUpgrade(paused);
    api.resumeFleetUpgrade.mockResolvedValue({ ...paused, status: 'running' });
    await renderPanel(api);

    expect(
      screen.getByText('Wave 1: 2 of 5 tenants failed, more than 20%'),
    ).toBeInTheDocument();
    api.getFleetUpgrade.mockResolvedValue({ ...paused, status: 'running' });
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));

    await waitFor(() => expect(api.resumeFleetUpgrade).toHaveBeenCalledWith(7));
    expect(await within(summary()).findByText('running')).toBeInTheDocument();
  });

  it('shows a wave soaking under the health guard, with when the soak ends', async () => {
    const soakEnd = new Date(2026, 2, 24, 10, 7, 30).toISOString();
    const soaking = fleetUpgrade({ currentWave: 0, soakingUntil: soakEnd });
    const api = apiWithUpgrade(soaking);
    await renderPanel(api);

    expect(within(summary()).getByRole('status')).toHaveTextContent(
      'The canary is done and soaking until 10:07:30: then the health guard compares the tenants upgraded so far with those not yet upgraded, and the next wave starts or the upgrade pauses.',
    );
    expect(
      screen.queryByRole('button', { name: 'Resume' }),
    ).not.toBeInTheDocument();
  });

  it('shows no soak once the guard paused the upgrade, and offers to resume', async () => {
    const reason =
      'Health guard after the canary: error_rate median 4.8% on 1 upgraded tenant vs 0.9% on 199 not yet upgraded (+433%, more than 25% allowed). Resume or cancel.';
    const api = apiWithUpgrade(
      fleetUpgrade({ status: 'paused', currentWave: 0, reason }),
    );
    await renderPanel(api);

    expect(within(summary()).getByText(reason)).toBeInTheDocument();
    expect(within(summary()).queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeEnabled();
  });

  it('polls a running upgrade every 2 seconds until it completes', async () => {
    const api = apiWithUpgrade();
    const done = fleetUpgrade({
      status: 'completed',
      currentWave: 2,
      counts: {
        total: 4,
        pending: 0,
        running: 0,
        succeeded: 3,
        failed: 1,
        skipped: 0,
      },
      tenants: fleetUpgrade().tenants.map(tenant =>
        tenant.status === 'failed'
          ? tenant
          : { ...tenant, status: 'succeeded' },
      ),
    });
    await renderPanel(api);
    api.getFleetUpgrade.mockResolvedValue(done);

    expect(
      await screen.findByText(
        '4 of 4 tenants done (3 succeeded, 1 failed)',
        undefined,
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(within(summary()).getByText('completed')).toBeInTheDocument();
    const calls = api.getFleetUpgrade.mock.calls.length;
    await new Promise(resolve => setTimeout(resolve, 2500));
    expect(api.getFleetUpgrade).toHaveBeenCalledTimes(calls);
  });

  it('starts an upgrade with the options given, and shows a 409', async () => {
    const api = mockTenantScaffolderApi();
    api.startFleetUpgrade.mockRejectedValueOnce(
      responseError(409, {
        name: 'ConflictError',
        message: 'Fleet upgrade 6 is paused',
      }),
    );
    api.startFleetUpgrade.mockResolvedValueOnce(
      fleetUpgrade({ id: 8, version: '2.5.0', status: 'completed' }),
    );
    renderWithApi(<FleetUpgradePanel />, api);
    expect(
      await screen.findByText('No fleet upgrade has run yet.'),
    ).toBeInTheDocument();

    fireEvent.change(screen.getByRole('textbox', { name: /Version/ }), {
      target: { value: '2.5.0' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Concurrency' }), {
      target: { value: '4' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start upgrade' }));

    expect(
      await screen.findByText(/Another upgrade is under way/),
    ).toBeInTheDocument();
    expect(api.startFleetUpgrade).toHaveBeenCalledWith({
      version: '2.5.0',
      concurrency: 4,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Start upgrade' }));
    expect(await screen.findByText('Upgrade to 2.5.0')).toBeInTheDocument();
  });

  it('shows nothing without the permission', async () => {
    grantPermissions([]);
    const api = apiWithUpgrade();
    renderWithApi(<FleetUpgradePanel />, api);

    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByText('Fleet upgrade')).not.toBeInTheDocument();
    expect(api.listFleetUpgrades).not.toHaveBeenCalled();
  });
});
