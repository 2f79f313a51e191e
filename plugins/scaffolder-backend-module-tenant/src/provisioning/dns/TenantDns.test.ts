import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import Cloudflare from 'cloudflare';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { LedgerResource } from '../LedgerResource';
import { ForeignResourceError } from '../ownership';
import { CloudflareTenantDns } from './CloudflareTenantDns';
import { LocalZoneFileDns } from './LocalZoneFileDns';

const TARGETS = {
  production: 'lb.example.com',
  staging: 'lb-staging.example.com',
};
const API = 'https://api.cloudflare.test/client/v4';

describe('LocalZoneFileDns', () => {
  const directory = createMockDirectory();
  afterEach(() => directory.clear());

  it('adds both records with the marker, and removes only its own', async () => {
    directory.setContent({
      'clients.zone': 'www.clients.example.com. 300 IN A 192.0.2.1\n',
    });
    const dns = new LocalZoneFileDns(
      `${directory.path}/clients.zone`,
      'clients.example.com',
      TARGETS,
    );
    const ledger: LedgerResource[] = [];

    const names = await dns.create('acme', async r => {
      ledger.push(r);
    });

    expect(names).toEqual({
      production: 'acme.clients.example.com',
      staging: 'acme.staging.clients.example.com',
    });
    expect(directory.content({ shouldReadAsText: true })).toEqual({
      'clients.zone': [
        'www.clients.example.com. 300 IN A 192.0.2.1',
        'acme.clients.example.com. 300 IN CNAME lb.example.com. ; portal tenant acme',
        'acme.staging.clients.example.com. 300 IN CNAME lb-staging.example.com. ; portal tenant acme',
        '',
      ].join('\n'),
    });
    await expect(dns.create('acme', async () => {})).rejects.toThrow(
      /already in/,
    );

    await expect(dns.remove('other', ledger[0])).rejects.toThrow(
      ForeignResourceError,
    );
    await expect(
      dns.remove('acme', {
        type: 'zone-file-record',
        id: 'www.clients.example.com',
        details: { comment: '' },
      }),
    ).rejects.toThrow(ForeignResourceError);
    for (const resource of ledger) await dns.remove('acme', resource);
    expect(directory.content({ shouldReadAsText: true })).toEqual({
      'clients.zone': 'www.clients.example.com. 300 IN A 192.0.2.1\n',
    });
  });
});

describe('CloudflareTenantDns', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let records: Array<{
    id: string;
    name: string;
    content: string;
    comment?: string;
  }>;
  let throttled: number;
  let requests: string[];

  beforeEach(() => {
    records = [];
    throttled = 0;
    requests = [];
    const page = (result: unknown[]) =>
      HttpResponse.json({
        success: true,
        errors: [],
        messages: [],
        result,
        result_info: {
          page: 1,
          per_page: 100,
          count: result.length,
          total_count: result.length,
          total_pages: 1,
        },
      });
    server.use(
      http.get(`${API}/zones/zone-1/dns_records`, ({ request }) => {
        requests.push(`GET ${new URL(request.url).search}`);
        const query = new URL(request.url).searchParams;
        const name = query.get('name.exact');
        // Like Cloudflare, pages past the last are empty: the SDK reads on until one is.
        const pageNumber = Number(query.get('page') ?? 1);
        return page(
          pageNumber === 1
            ? records.filter(record => record.name === name)
            : [],
        );
      }),
      http.post(`${API}/zones/zone-1/dns_records`, async ({ request }) => {
        requests.push('POST');
        if (throttled-- > 0) {
          // Without a body: the SDK cancels a retried response's body, which
          // never settles on msw's mocked streams.
          return new HttpResponse(null, {
            status: 429,
            headers: { 'Retry-After': '1' },
          });
        }
        const body = (await request.json()) as any;
        const record = { id: `rec-${records.length + 1}`, ...body };
        records.push(record);
        return HttpResponse.json({
          success: true,
          errors: [],
          messages: [],
          result: record,
        });
      }),
      http.delete(`${API}/zones/zone-1/dns_records/:id`, ({ params }) => {
        requests.push(`DELETE ${params.id}`);
        records = records.filter(record => record.id !== params.id);
        return HttpResponse.json({
          success: true,
          errors: [],
          messages: [],
          result: { id: params.id },
        });
      }),
    );
  });

  const dns = () =>
    new CloudflareTenantDns({
      client: new Cloudflare({ apiToken: 'test-token', baseURL: API }),
      zoneId: 'zone-1',
      domain: 'clients.example.com',
      targets: TARGETS,
    });

  it('creates both CNAMEs, waits out a 429 as Retry-After says, and removes only records with its marker', async () => {
    records.push({
      id: 'theirs',
      name: 'acme.clients.example.com.other',
      content: 'x',
    });
    throttled = 1;
    const ledger: LedgerResource[] = [];

    const started = Date.now();
    await dns().create('acme', async r => {
      ledger.push(r);
    });

    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(
      records.map(({ name, content, comment }) => ({ name, content, comment })),
    ).toEqual([
      {
        name: 'acme.clients.example.com.other',
        content: 'x',
        comment: undefined,
      },
      {
        name: 'acme.clients.example.com',
        content: 'lb.example.com',
        comment: 'portal tenant acme',
      },
      {
        name: 'acme.staging.clients.example.com',
        content: 'lb-staging.example.com',
        comment: 'portal tenant acme',
      },
    ]);
    // Someone adds their own record under the tenant's name later.
    records.push({
      id: 'manual',
      name: 'acme.clients.example.com',
      content: 'y',
      comment: 'ops',
    });

    await expect(
      dns().remove('acme', {
        type: 'cloudflare-dns-record',
        id: 'zone-1/acme.clients.example.com.other',
        details: { comment: '' },
      }),
    ).rejects.toThrow(ForeignResourceError);
    // A marker written into the entry is not the tenant's marker.
    await dns().remove('acme', {
      type: 'cloudflare-dns-record',
      id: 'zone-1/acme.clients.example.com',
      details: { comment: 'ops' },
    });
    expect(records.map(record => record.id)).toContain('manual');
    for (const resource of ledger) await dns().remove('acme', resource);

    expect(records.map(record => record.id)).toEqual(['theirs', 'manual']);
  });

  it('refuses, creating nothing, when a name already has records', async () => {
    records.push({
      id: 'old',
      name: 'acme.staging.clients.example.com',
      content: 'z',
    });

    await expect(dns().create('acme', async () => {})).rejects.toThrow(
      /already has DNS records/,
    );
    expect(requests.filter(request => request === 'POST')).toEqual([]);
  });
});
