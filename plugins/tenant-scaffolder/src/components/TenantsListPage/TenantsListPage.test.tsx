import { tenantFleetUpgradePermission } from '@internal/plugin-tenant-scaffolder-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TenantScaffolderApi } from '../../api/TenantScaffolderApi';
import { tenant } from '../../__testUtils__/fixtures';
import {
  mockTenantScaffolderApi,
  responseError,
} from '../../__testUtils__/mockTenantScaffolderApi';
import { grantPermissions } from '../../__testUtils__/permissions';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TenantsListPage } from './TenantsListPage';

jest.setTimeout(30_000);

function render(api: TenantScaffolderApi) {
  return renderWithApi(<TenantsListPage />, api);
}

beforeEach(() => grantPermissions('all'));

describe('TenantsListPage', () => {
  it('shows a row per tenant, the slug linking to its page', async () => {
    const api = mockTenantScaffolderApi();
    api.listTenants.mockResolvedValue([
      tenant(),
      tenant({
        slug: 'globex',
        name: 'Globex',
        plan: { kind: 'paid' },
        status: 'needs-cleanup',
        region: 'us-east-1',
      }),
    ]);
    await render(api);

    const row = (
      await screen.findByRole('cell', { name: 'Acme Corp' })
    ).closest('tr')!;
    expect(within(row).getByRole('link', { name: 'acme' })).toHaveAttribute(
      'href',
      '/tenants/acme',
    );
    expect(within(row).getByText('Trial until 2027-01-31')).toBeInTheDocument();
    expect(within(row).getByText('ready')).toBeInTheDocument();
    expect(within(row).getByText('2.3.0')).toBeInTheDocument();
    expect(within(row).getByText('eu-west-1')).toBeInTheDocument();
    expect(
      within(row).getByText('group:default/customer-success'),
    ).toBeInTheDocument();

    const globex = screen.getByRole('cell', { name: 'Globex' }).closest('tr')!;
    expect(within(globex).getByText('Paid')).toBeInTheDocument();
    expect(within(globex).getByText('needs-cleanup')).toBeInTheDocument();

    expect(screen.getByRole('button', { name: /New tenant/ })).toHaveAttribute(
      'href',
      '/create/templates/default/new-tenant',
    );
  });

  it('asks again with the status and plan chosen', async () => {
    const api = mockTenantScaffolderApi();
    api.listTenants.mockResolvedValue([tenant()]);
    await render(api);
    await screen.findByRole('cell', { name: 'Acme Corp' });

    fireEvent.mouseDown(screen.getByLabelText('Status'));
    fireEvent.click(await screen.findByRole('option', { name: 'failed' }));
    await waitFor(() =>
      expect(api.listTenants).toHaveBeenLastCalledWith({
        status: 'failed',
        plan: undefined,
      }),
    );

    fireEvent.mouseDown(screen.getByLabelText('Plan'));
    fireEvent.click(await screen.findByRole('option', { name: 'Paid' }));
    await waitFor(() =>
      expect(api.listTenants).toHaveBeenLastCalledWith({
        status: 'failed',
        plan: 'paid',
      }),
    );
  });

  it('says when there are no tenants yet', async () => {
    const api = mockTenantScaffolderApi();
    await render(api);

    expect(await screen.findByText('No tenants yet')).toBeInTheDocument();
  });

  it("shows the backend's error", async () => {
    const api = mockTenantScaffolderApi();
    api.listTenants.mockRejectedValue(
      responseError(500, { name: 'Error', message: 'database is down' }),
    );
    await render(api);

    expect(
      (await screen.findAllByText(/database is down|Request failed/)).length,
    ).toBeGreaterThan(0);
  });

  it('hides the fleet upgrade and the New tenant button without the permissions', async () => {
    const api = mockTenantScaffolderApi();
    api.listTenants.mockResolvedValue([tenant()]);
    grantPermissions([]);
    await render(api);
    await screen.findByRole('cell', { name: 'Acme Corp' });

    expect(screen.queryByText('Fleet upgrade')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /New tenant/ }),
    ).not.toBeInTheDocument();
    expect(api.listFleetUpgrades).not.toHaveBeenCalled();
  });

  it('shows the fleet upgrade to those who may run one', async () => {
    const api = mockTenantScaffolderApi();
    grantPermissions([tenantFleetUpgradePermission.name]);
    await render(api);

    expect(await screen.findByText('Fleet upgrade')).toBeInTheDocument();
    expect(
      await screen.findByText('No fleet upgrade has run yet.'),
    ).toBeInTheDocument();
  });
});
