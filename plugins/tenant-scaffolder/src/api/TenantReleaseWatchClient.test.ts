import { TenantReleaseWatchClient } from './TenantReleaseWatchClient';

const figures = {
  environment: 'tenant-acme',
  deployments: 3,
  deploysPerWeek: 0.25,
  failedDeployments: 0,
  changeFailureRate: 0,
  incidents: 0,
  lastVersion: '2.4.1',
  lastDeployedAt: '2026-03-20T10:00:00.000Z',
  metric: null,
};

function clientAnswering(status: number, body: object) {
  const fetch = jest.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new TenantReleaseWatchClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://portal.test/api/${id}`,
    },
    fetchApi: { fetch: fetch as any },
  });
  return { client, fetch };
}

describe('TenantReleaseWatchClient', () => {
  it("asks Release Watch for the tenant's production environment", async () => {
    const { client, fetch } = clientAnswering(200, {
      from: '2026-01-05T00:00:00.000Z',
      to: '2026-03-29T23:59:59.999Z',
      environments: [figures],
    });
    expect(
      await client.getTenantFigures('acme', {
        from: '2026-01-05',
        to: '2026-03-29',
      }),
    ).toEqual(figures);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://portal.test/api/release-watch/environments?from=2026-01-05&to=2026-03-29&environment=tenant-acme',
    );
  });

  it('throws what Release Watch answered when it fails', async () => {
    const { client } = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'Not found' },
      response: { statusCode: 404 },
    });
    await expect(
      client.getTenantFigures('acme', { from: '2026-01-05', to: '2026-03-29' }),
    ).rejects.toThrow();
  });
});
