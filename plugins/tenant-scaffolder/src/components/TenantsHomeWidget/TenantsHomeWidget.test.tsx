import { tenantCreatePermission } from '@internal/plugin-tenant-scaffolder-common';
import { screen, within } from '@testing-library/react';
import { TenantScaffolderApi } from '../../api/TenantScaffolderApi';
import { tenant } from '../../__testUtils__/fixtures';
import {
  mockTenantScaffolderApi,
  responseError,
} from '../../__testUtils__/mockTenantScaffolderApi';
import { grantPermissions } from '../../__testUtils__/permissions';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TenantsHomeWidget } from './TenantsHomeWidget';

function render(api: TenantScaffolderApi) {
  return renderWithApi(<TenantsHomeWidget />, api);
}

describe('TenantsHomeWidget', () => {
  it('offers both templates and counts the tenants by status', async () => {
    grantPermissions([tenantCreatePermission.name]);
    const api = mockTenantScaffolderApi();
    api.listTenants.mockResolvedValue([
      tenant({ slug: 'a', status: 'ready' }),
      tenant({ slug: 'b', status: 'ready' }),
      tenant({ slug: 'c', status: 'failed' }),
    ]);
    await render(api);

    expect(
      await screen.findByRole('button', { name: 'Create a tenant' }),
    ).toHaveAttribute('href', '/create/templates/default/new-tenant');
    expect(
      screen.getByRole('button', { name: 'Create a service' }),
    ).toHaveAttribute('href', '/create/templates/default/new-service');
    const counts = await screen.findByRole('list', {
      name: 'Tenants by status',
    });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['2 ready', '1 failed']);
    expect(screen.getByRole('link', { name: 'All tenants' })).toHaveAttribute(
      'href',
      '/tenants',
    );
  });

  it('offers no tenant to create to those who may not, and says when there are none', async () => {
    grantPermissions([]);
    await render(mockTenantScaffolderApi());

    expect(await screen.findByText('No tenants yet.')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Create a tenant' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Create a service' }),
    ).toBeInTheDocument();
  });

  it('shows the error when the registry fails', async () => {
    grantPermissions('all');
    const api = mockTenantScaffolderApi();
    api.listTenants.mockRejectedValue(
      responseError(503, {
        name: 'ServiceUnavailableError',
        message: 'registry unavailable',
      }),
    );
    await render(api);

    expect(
      (await screen.findAllByText(/registry unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
