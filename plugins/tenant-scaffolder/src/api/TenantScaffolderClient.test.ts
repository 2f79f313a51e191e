import { FetchApi } from '@backstage/frontend-plugin-api';
import { TenantScaffolderClient } from './TenantScaffolderClient';
import { fieldProblemsOf, statusCodeOf } from './errors';

const BASE_URL = 'http://backstage.test/api/tenant-scaffolder';

function clientAnswering(status: number, body: unknown) {
  const fetch = jest
    .fn()
    .mockImplementation(async () => Response.json(body, { status }));
  const getBaseUrl = jest.fn().mockResolvedValue(BASE_URL);
  const client = new TenantScaffolderClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch } as FetchApi,
  });
  return { client, fetch, getBaseUrl };
}

describe('TenantScaffolderClient', () => {
  it('lists tenants with the status and plan filters', async () => {
    const { client, fetch, getBaseUrl } = clientAnswering(200, {
      items: [{ slug: 'acme' }],
    });

    await expect(
      client.listTenants({ status: 'ready', plan: 'trial' }),
    ).resolves.toEqual([{ slug: 'acme' }]);
    expect(getBaseUrl).toHaveBeenCalledWith('tenant-scaffolder');
    expect(fetch).toHaveBeenCalledWith(
      `${BASE_URL}/tenants?status=ready&plan=trial`,
      { method: 'GET' },
    );
  });

  it('lists every tenant without filters', async () => {
    const { client, fetch } = clientAnswering(200, { items: [] });

    await client.listTenants();

    expect(fetch).toHaveBeenCalledWith(`${BASE_URL}/tenants`, {
      method: 'GET',
    });
  });

  it('reads a tenant, its history and its ledger', async () => {
    const { client, fetch } = clientAnswering(200, { items: [] });

    await client.getTenant('acme');
    await client.getHistory('acme', { limit: 50 });
    await client.getLedger('acme', { includeRemoved: true });

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${BASE_URL}/tenants/acme`,
      `${BASE_URL}/tenants/acme/history?limit=50`,
      `${BASE_URL}/tenants/acme/ledger?includeRemoved=true`,
    ]);
  });

  it('patches settings with the revision they were read at', async () => {
    const { client, fetch } = clientAnswering(200, { slug: 'acme' });
    const settings = {
      branding: {
        palette: {
          primary: '#ff5500',
          secondary: '#ffffff',
          background: '#0d1117',
        },
      },
      mail: { mode: 'platform' as const },
      footer: { links: [] },
    };

    await client.updateSettings('acme', { settings, expectedRevision: 3 });

    expect(fetch).toHaveBeenCalledWith(`${BASE_URL}/tenants/acme/settings`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ settings, expectedRevision: 3 }),
    });
  });

  it('upgrades, deletes and checks slugs with the right methods', async () => {
    const { client, fetch } = clientAnswering(200, {});

    await client.upgradeToPaid('acme');
    await client.deleteTenant('acme');
    await client.getSlugAvailability('a b');

    expect(fetch.mock.calls).toEqual([
      [`${BASE_URL}/tenants/acme/upgrade`, { method: 'POST' }],
      [`${BASE_URL}/tenants/acme`, { method: 'DELETE' }],
      [`${BASE_URL}/slugs/a%20b`, { method: 'GET' }],
    ]);
  });

  it('starts, reads, resumes and cancels fleet upgrades, and retries a tenant', async () => {
    const { client, fetch } = clientAnswering(200, { items: [{ id: 7 }] });

    await expect(client.listFleetUpgrades()).resolves.toEqual([{ id: 7 }]);
    await client.startFleetUpgrade({ version: '2.4.0', concurrency: 4 });
    await client.getFleetUpgrade(7);
    await client.resumeFleetUpgrade(7);
    await client.cancelFleetUpgrade(7);
    await client.retryFleetUpgradeTenant(7, 'globex');

    expect(fetch.mock.calls).toEqual([
      [`${BASE_URL}/fleet-upgrades`, { method: 'GET' }],
      [
        `${BASE_URL}/fleet-upgrades`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ version: '2.4.0', concurrency: 4 }),
        },
      ],
      [`${BASE_URL}/fleet-upgrades/7`, { method: 'GET' }],
      [`${BASE_URL}/fleet-upgrades/7/resume`, { method: 'POST' }],
      [`${BASE_URL}/fleet-upgrades/7/cancel`, { method: 'POST' }],
      [`${BASE_URL}/fleet-upgrades/7/tenants/globex/retry`, { method: 'POST' }],
    ]);
  });

  it("throws the backend's error with every field at fault", async () => {
    const problems = [
      {
        field: 'settings.branding.palette.primary',
        message: "'red' is not a colour",
      },
    ];
    const { client } = clientAnswering(400, {
      error: { name: 'InputError', message: 'Invalid settings', problems },
      request: { method: 'PATCH', url: '/tenants/acme/settings' },
      response: { statusCode: 400 },
    });

    const error = await client
      .updateSettings('acme', {
        settings: {
          branding: {
            palette: { primary: 'red', secondary: '#fff', background: '#000' },
          },
          mail: { mode: 'platform' },
          footer: { links: [] },
        },
      })
      .catch(e => e);

    expect(error).toMatchObject({ name: 'ResponseError', statusCode: 400 });
    expect(statusCodeOf(error)).toBe(400);
    expect(fieldProblemsOf(error)).toEqual(problems);
  });
});
