import { FetchApi } from '@backstage/frontend-plugin-api';
import { ReleaseWatchClient } from './ReleaseWatchClient';

const BASE_URL = 'http://backstage.test/api/release-watch';

function clientAnswering(status: number, body: unknown) {
  const fetch = jest
    .fn()
    .mockImplementation(async () => Response.json(body, { status }));
  const client = new ReleaseWatchClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch } as FetchApi,
  });
  return { client, fetch };
}

describe('ReleaseWatchClient', () => {
  it('asks for the OKRs of a group over a range', async () => {
    const { client, fetch } = clientAnswering(200, { reports: [] });

    await client.getOkrReports({
      period: 'week',
      from: '2026-01-05',
      to: '2026-03-29',
      group: 'frontend',
    });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE_URL}/okrs?period=week&from=2026-01-05&to=2026-03-29&group=frontend`,
    );
  });

  it('sends the entity, not the group, when both are chosen', async () => {
    const { client, fetch } = clientAnswering(200, { releases: [] });

    await client.getReleases({
      from: '2026-01-05',
      to: '2026-03-29',
      group: 'frontend',
      entityRef: 'component:default/web',
    });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE_URL}/releases?from=2026-01-05&to=2026-03-29&entityRef=component%3Adefault%2Fweb`,
    );
  });

  it('asks for one metric per period', async () => {
    const { client, fetch } = clientAnswering(200, { points: [] });

    await client.getSeries({
      metric: 'metric:page_load',
      period: 'month',
      from: '2026-01-01',
      to: '2026-06-30',
    });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE_URL}/series?metric=metric%3Apage_load&period=month&from=2026-01-01&to=2026-06-30`,
    );
  });

  it('returns the scopes as sent', async () => {
    const scopes = {
      groups: ['frontend'],
      entities: [{ entityRef: 'component:default/web', group: 'frontend' }],
    };
    const { client, fetch } = clientAnswering(200, scopes);

    await expect(client.getScopes()).resolves.toEqual(scopes);
    expect(fetch).toHaveBeenCalledWith(`${BASE_URL}/scopes`);
  });

  it("throws the backend's error", async () => {
    const { client } = clientAnswering(400, {
      error: { name: 'InputError', message: 'from must not be after to' },
      response: { statusCode: 400 },
    });

    await expect(
      client.getReleases({ from: '2026-03-29', to: '2026-01-05' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      cause: { name: 'InputError', message: 'from must not be after to' },
    });
  });
});
