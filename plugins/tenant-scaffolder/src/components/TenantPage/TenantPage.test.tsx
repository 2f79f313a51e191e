import {
  tenantDeletePermission,
  tenantUpdatePermission,
} from '@internal/plugin-tenant-scaffolder-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TenantScaffolderApi } from '../../api/TenantScaffolderApi';
import {
  historyEntry,
  ledgerEntry,
  tenant,
} from '../../__testUtils__/fixtures';
import {
  mockTenantScaffolderApi,
  responseError,
} from '../../__testUtils__/mockTenantScaffolderApi';
import { grantPermissions } from '../../__testUtils__/permissions';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TenantScaffolderPage } from '../TenantScaffolderPage';

jest.setTimeout(30_000);

function apiWithAcme() {
  const api = mockTenantScaffolderApi();
  api.getTenant.mockResolvedValue(tenant());
  api.getHistory.mockResolvedValue([
    historyEntry({
      id: 2,
      at: '2026-03-24T11:30:00.000Z',
      action: 'settings-updated',
      detail: 'branding.palette.primary',
    }),
    historyEntry(),
  ]);
  api.getLedger.mockResolvedValue([
    ledgerEntry(),
    ledgerEntry({
      id: 2,
      step: 'dns',
      resourceType: 'dns-record',
      resourceId: 'acme.example.com',
      details: {},
      removedAt: '2026-03-03T09:00:00.000Z',
    }),
  ]);
  return api;
}

async function renderTenantPage(api: TenantScaffolderApi) {
  renderWithApi(<TenantScaffolderPage />, api, {
    mountPath: '/tenants/*',
    initialRouteEntries: ['/tenants/acme'],
  });
  await screen.findByRole('heading', { name: 'Acme Corp' });
}

function primaryColourInput() {
  return screen.getByRole('textbox', { name: 'Primary colour' });
}

beforeEach(() => grantPermissions('all'));

describe('TenantPage', () => {
  it('shows the details, the history and the ledger', async () => {
    const api = apiWithAcme();
    await renderTenantPage(api);

    expect(api.getTenant).toHaveBeenCalledWith('acme');
    expect(
      screen.getAllByText('Trial until 2027-01-31').length,
    ).toBeGreaterThan(0);
    expect(await screen.findByText('settings-updated')).toBeInTheDocument();
    expect(screen.getByText('branding.palette.primary')).toBeInTheDocument();
    const resource = screen
      .getByRole('cell', { name: 'acme.example.com' })
      .closest('tr')!;
    expect(within(resource).getByText('dns-record')).toBeInTheDocument();
    expect(
      screen.getByRole('cell', { name: 'tenant_acme' }),
    ).toBeInTheDocument();
  });

  it('saves settings with the revision it loaded', async () => {
    const api = apiWithAcme();
    api.updateSettings.mockImplementation(async (_slug, update) => ({
      ...tenant(),
      settings: update.settings as any,
      revision: 4,
      appliedToInstance: true,
    }));
    await renderTenantPage(api);

    fireEvent.change(primaryColourInput(), { target: { value: '#ff5500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(
      await screen.findByText(
        /Settings saved, and the running instance has them/,
      ),
    ).toBeInTheDocument();
    expect(api.updateSettings).toHaveBeenCalledWith('acme', {
      settings: {
        branding: {
          palette: {
            primary: '#ff5500',
            secondary: '#ffffff',
            background: '#0d1117',
          },
        },
        mail: { mode: 'platform' },
        footer: { links: [] },
      },
      expectedRevision: 3,
    });
    expect(screen.getByText('Revision 4')).toBeInTheDocument();
  });

  it("shows the backend's 400 next to each field at fault", async () => {
    const api = apiWithAcme();
    api.updateSettings.mockRejectedValue(
      responseError(400, {
        name: 'InputError',
        message: 'Invalid settings',
        problems: [
          {
            field: 'settings.branding.palette.primary',
            message: "'red' is not a colour such as #1f6feb",
          },
          {
            field: 'settings.mail.password',
            message: 'must be at most 500 characters',
          },
        ],
      }),
    );
    await renderTenantPage(api);

    fireEvent.change(primaryColourInput(), { target: { value: 'red' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(
      await screen.findByText('The settings were not saved:'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(primaryColourInput()).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(primaryColourInput()).toHaveAccessibleDescription(
      "'red' is not a colour such as #1f6feb",
    );
    expect(
      screen.getByText("Primary colour: 'red' is not a colour such as #1f6feb"),
    ).toBeInTheDocument();
    expect(
      screen.getByText('SMTP password: must be at most 500 characters'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Settings saved/)).not.toBeInTheDocument();
  });

  it('says when the settings are stored but the running instance does not have them', async () => {
    const api = apiWithAcme();
    api.updateSettings.mockImplementation(async (_slug, update) => ({
      ...tenant(),
      settings: update.settings as any,
      revision: 4,
      appliedToInstance: false,
      applyProblem: 'scaffolder unreachable',
    }));
    await renderTenantPage(api);

    fireEvent.change(primaryColourInput(), { target: { value: '#ff5500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(
      await screen.findByText(
        /does not have them yet: scaffolder unreachable\. Save again to retry/,
      ),
    ).toBeInTheDocument();
  });

  it('says when someone saved in between, and reloads', async () => {
    const api = apiWithAcme();
    api.updateSettings.mockRejectedValue(
      responseError(409, {
        name: 'ConflictError',
        message: "'acme' is at revision 4, not 3",
      }),
    );
    await renderTenantPage(api);

    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(
      await screen.findByText(/Someone changed this tenant's settings/),
    ).toBeInTheDocument();
    api.getTenant.mockResolvedValue(tenant({ revision: 4 }));
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByText('Revision 4')).toBeInTheDocument();
    expect(
      screen.queryByText(/Someone changed this tenant's settings/),
    ).not.toBeInTheDocument();
  });

  it('sends the SMTP password only when one is typed', async () => {
    const api = apiWithAcme();
    api.getTenant.mockResolvedValue(
      tenant({
        settings: {
          ...tenant().settings,
          mail: {
            mode: 'smtp',
            host: 'smtp.acme.example',
            port: 587,
            username: 'mailer',
            fromAddress: 'hello@acme.example',
            hasPassword: true,
          },
        },
      }),
    );
    api.updateSettings.mockResolvedValue({
      ...tenant({ revision: 4 }),
      appliedToInstance: true,
    });
    await renderTenantPage(api);

    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(api.updateSettings).toHaveBeenCalledTimes(1));
    expect(api.updateSettings.mock.calls[0][1].settings.mail).toEqual({
      mode: 'smtp',
      host: 'smtp.acme.example',
      port: 587,
      username: 'mailer',
      fromAddress: 'hello@acme.example',
    });
  });

  it('upgrades a trial tenant to paid', async () => {
    const api = apiWithAcme();
    api.upgradeToPaid.mockResolvedValue(
      tenant({ plan: { kind: 'paid' }, revision: 4 }),
    );
    await renderTenantPage(api);

    fireEvent.click(screen.getByRole('button', { name: 'Upgrade to paid' }));

    expect(await screen.findByText('Paid')).toBeInTheDocument();
    expect(api.upgradeToPaid).toHaveBeenCalledWith('acme');
    expect(
      screen.queryByRole('button', { name: 'Upgrade to paid' }),
    ).not.toBeInTheDocument();
  });

  it('deletes after confirmation, then shows the tenant deleting', async () => {
    const api = apiWithAcme();
    api.deleteTenant.mockResolvedValue(tenant({ status: 'deleting' }));
    await renderTenantPage(api);

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Delete Acme Corp?')).toBeInTheDocument();
    expect(api.deleteTenant).not.toHaveBeenCalled();
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Delete tenant' }),
    );

    expect(await screen.findByText('deleting')).toBeInTheDocument();
    expect(api.deleteTenant).toHaveBeenCalledWith('acme');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled();
  });

  it('hides the plan and delete actions and locks the form without the permissions', async () => {
    grantPermissions([]);
    await renderTenantPage(apiWithAcme());

    expect(
      screen.queryByRole('button', { name: 'Upgrade to paid' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Save settings' }),
    ).toBeDisabled();
    expect(primaryColourInput()).toBeDisabled();
  });

  it('offers upgrade and delete to those holding each permission', async () => {
    grantPermissions([tenantDeletePermission.name]);
    await renderTenantPage(apiWithAcme());
    expect(screen.getByRole('button', { name: 'Delete' })).toBeEnabled();
    expect(
      screen.queryByRole('button', { name: 'Upgrade to paid' }),
    ).not.toBeInTheDocument();
    expect(tenantUpdatePermission.name).toBe('tenant-scaffolder.tenant.update');
  });
});
