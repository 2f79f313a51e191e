import {
  CreateBucketCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { describeOnMoto, useMotoServer } from '@internal/backend-plugin-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { LedgerResource } from '../LedgerResource';
import { ForeignResourceError } from '../ownership';
import { LocalTenantStorage } from './LocalTenantStorage';
import { S3TenantStorage } from './S3TenantStorage';

const ASSETS = {
  'logo.svg': '<svg/>',
  'mail/footer.html': '<p>footer</p>',
};

describe('LocalTenantStorage', () => {
  const directory = createMockDirectory();
  afterEach(() => directory.clear());

  it('copies the assets into a folder of its own, and removes it', async () => {
    directory.setContent({ assets: ASSETS, tenants: {} });
    const storage = new LocalTenantStorage(`${directory.path}/tenants`);
    const ledger: LedgerResource[] = [];

    await storage.create('acme', `${directory.path}/assets`, async r => {
      ledger.push(r);
    });

    expect(directory.content({ path: 'tenants' })).toEqual({
      acme: { 'logo.svg': '<svg/>', mail: { 'footer.html': '<p>footer</p>' } },
    });
    await storage.remove('acme', ledger[0]);
    expect(directory.content({ path: 'tenants' })).toEqual({});
  });

  it('refuses a folder that exists and paths outside its root', async () => {
    directory.setContent({
      assets: ASSETS,
      tenants: { acme: { 'a.txt': 'x' } },
    });
    const storage = new LocalTenantStorage(`${directory.path}/tenants`);

    await expect(
      storage.create('acme', `${directory.path}/assets`, async () => {}),
    ).rejects.toThrow(/already exists/);
    await expect(
      storage.remove('acme', { type: 'local-folder', id: directory.path }),
    ).rejects.toThrow(ForeignResourceError);
    expect(directory.content({ path: 'tenants' })).toEqual({
      acme: { 'a.txt': 'x' },
    });
  });

  it("refuses, for one tenant, another tenant's folder, a '..' path and a symlinked folder; never follows a symlink inside its own", async () => {
    directory.setContent({
      tenants: { victim: { 'a.txt': 'victim' }, evil: {} },
      'canary.txt': 'canary',
    });
    const root = `${directory.path}/tenants`;
    const storage = new LocalTenantStorage(root);
    symlinkSync(`${root}/victim`, `${root}/evil/link-to-victim`);
    symlinkSync(`${root}/victim`, `${root}/other`);

    for (const id of [
      `${root}/victim`,
      `${root}/evil/../../canary.txt`,
      `${root}/evil/../victim`,
      root,
    ]) {
      await expect(
        storage.remove('evil', { type: 'local-folder', id }),
      ).rejects.toThrow(ForeignResourceError);
    }
    await expect(
      storage.remove('other', { type: 'local-folder', id: `${root}/other` }),
    ).rejects.toThrow(/resolves to/);

    await storage.remove('evil', { type: 'local-folder', id: `${root}/evil` });
    expect(directory.content({ path: 'tenants/victim' })).toEqual({
      'a.txt': 'victim',
    });
    expect(readFileSync(`${directory.path}/canary.txt`, 'utf8')).toBe('canary');
    expect(existsSync(`${root}/evil`)).toBe(false);
  });
});

describe('S3TenantStorage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const directory = createMockDirectory();
  const objects = new Map<string, string>();
  let failures = 0;

  beforeEach(() => {
    objects.clear();
    failures = 0;
    directory.setContent({ assets: ASSETS });
    server.use(
      http.get('http://s3.test/shared', ({ request }) => {
        const prefix = new URL(request.url).searchParams.get('prefix') ?? '';
        const keys = [...objects.keys()].filter(key => key.startsWith(prefix));
        return new HttpResponse(
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>shared</Name><Prefix>${prefix}</Prefix><KeyCount>${
            keys.length
          }</KeyCount><IsTruncated>false</IsTruncated>${keys
            .map(key => `<Contents><Key>${key}</Key><Size>1</Size></Contents>`)
            .join('')}</ListBucketResult>`,
          { headers: { 'Content-Type': 'application/xml' } },
        );
      }),
      http.put('http://s3.test/shared/*', async ({ request }) => {
        if (failures-- > 0) {
          return new HttpResponse(
            '<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>',
            { status: 503, headers: { 'Content-Type': 'application/xml' } },
          );
        }
        const key = decodeURIComponent(
          new URL(request.url).pathname.slice('/shared/'.length),
        );
        objects.set(key, await request.text());
        return new HttpResponse(null, { headers: { ETag: '"etag"' } });
      }),
      http.post('http://s3.test/shared', async ({ request }) => {
        const body = await request.text();
        const keys = [...body.matchAll(/<Key>([^<]+)<\/Key>/g)].map(m => m[1]);
        keys.forEach(key => objects.delete(key));
        return new HttpResponse(
          `<?xml version="1.0" encoding="UTF-8"?><DeleteResult></DeleteResult>`,
          { headers: { 'Content-Type': 'application/xml' } },
        );
      }),
    );
  });

  const storage = () =>
    new S3TenantStorage({
      client: new S3Client({
        region: 'eu-west-1',
        endpoint: 'http://s3.test',
        forcePathStyle: true,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      }),
      bucket: 'shared',
    });

  it('copies the assets under the tenant prefix, retrying SlowDown, and removes exactly that prefix', async () => {
    objects.set('tenants/other/logo.svg', 'theirs');
    failures = 1;
    const ledger: LedgerResource[] = [];

    const location = await storage().create(
      'acme',
      `${directory.path}/assets`,
      async r => {
        ledger.push(r);
      },
    );

    expect(location).toBe('s3://shared/tenants/acme/');
    expect(ledger).toEqual([{ type: 's3-prefix', id: 'shared/tenants/acme/' }]);
    expect(Object.fromEntries(objects)).toEqual({
      'tenants/other/logo.svg': 'theirs',
      'tenants/acme/logo.svg': '<svg/>',
      'tenants/acme/mail/footer.html': '<p>footer</p>',
    });

    await storage().remove('acme', ledger[0]);
    expect([...objects.keys()]).toEqual(['tenants/other/logo.svg']);
  });

  it('refuses a prefix that holds objects, and a ledger entry outside the tenant prefixes', async () => {
    objects.set('tenants/acme/old.txt', 'precious');
    const recorded: LedgerResource[] = [];

    await expect(
      storage().create('acme', `${directory.path}/assets`, async r => {
        recorded.push(r);
      }),
    ).rejects.toThrow(/already holds objects/);
    await expect(
      storage().remove('acme', { type: 's3-prefix', id: 'shared/' }),
    ).rejects.toThrow(ForeignResourceError);
    for (const id of [
      'shared/tenants/other/',
      'shared/tenants/',
      'shared/tenants/acme',
      'other-bucket/tenants/acme/',
    ]) {
      await expect(
        storage().remove('acme', { type: 's3-prefix', id }),
      ).rejects.toThrow(ForeignResourceError);
    }

    expect(recorded).toEqual([]);
    expect([...objects.keys()]).toEqual(['tenants/acme/old.txt']);
  });
});

// The same storage against moto's S3. The msw fake above stays for what
// moto does not answer: S3's SlowDown throttling, which the SDK retries.
describeOnMoto('S3TenantStorage on moto', () => {
  const moto = useMotoServer();
  // 1,200 objects go into moto one request each.
  jest.setTimeout(60_000);
  const directory = createMockDirectory();
  let client: S3Client;

  beforeEach(async () => {
    directory.setContent({ assets: ASSETS });
    client = new S3Client({
      region: 'eu-west-1',
      endpoint: moto().endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await client.send(new CreateBucketCommand({ Bucket: 'shared' }));
  });

  const storage = (bucket = 'shared') =>
    new S3TenantStorage({ client, bucket });

  async function keys(prefix = '') {
    const found: string[] = [];
    for await (const page of paginateListObjectsV2(
      { client },
      { Bucket: 'shared', Prefix: prefix },
    )) {
      found.push(...(page.Contents ?? []).map(object => object.Key!));
    }
    return found.sort();
  }

  const put = (key: string, body = 'x') =>
    client.send(
      new PutObjectCommand({ Bucket: 'shared', Key: key, Body: body }),
    );

  it('copies the assets under the prefix, and removes exactly that prefix past 1,000 objects', async () => {
    // Neighbours whose names start like the tenant's.
    await put('tenants/acme-eu/logo.svg', 'theirs');
    await put('tenants/acme', 'not a prefix');
    await put('other/tenants/acme/logo.svg', 'elsewhere');
    const ledger: LedgerResource[] = [];

    const location = await storage().create(
      'acme',
      `${directory.path}/assets`,
      async resource => {
        ledger.push(resource);
      },
    );
    expect(location).toBe('s3://shared/tenants/acme/');
    expect(await keys('tenants/acme/')).toEqual([
      'tenants/acme/logo.svg',
      'tenants/acme/mail/footer.html',
    ]);
    const body = await client.send(
      new GetObjectCommand({ Bucket: 'shared', Key: 'tenants/acme/logo.svg' }),
    );
    expect(await body.Body!.transformToString()).toBe('<svg/>');

    // What the tenant's instance wrote since: more than one listing page.
    const written = Array.from(
      { length: 1_200 },
      (_, i) => `tenants/acme/uploads/${String(i).padStart(4, '0')}.txt`,
    );
    for (let i = 0; i < written.length; i += 100) {
      await Promise.all(written.slice(i, i + 100).map(key => put(key)));
    }
    expect(await keys('tenants/acme/')).toHaveLength(1_202);

    await storage().remove('acme', ledger[0]);

    expect(await keys()).toEqual([
      'other/tenants/acme/logo.svg',
      'tenants/acme',
      'tenants/acme-eu/logo.svg',
    ]);
  });

  it("refuses a prefix that holds objects, and ends with S3's message on a missing bucket", async () => {
    await put('tenants/acme/old.txt', 'precious');
    const recorded: LedgerResource[] = [];
    const record = async (resource: LedgerResource) => {
      recorded.push(resource);
    };

    await expect(
      storage().create('acme', `${directory.path}/assets`, record),
    ).rejects.toThrow(/already holds objects/);
    await expect(
      storage('no-such-bucket').create(
        'globex',
        `${directory.path}/assets`,
        record,
      ),
    ).rejects.toThrow('The specified bucket does not exist');

    expect(recorded).toEqual([]);
    expect(await keys()).toEqual(['tenants/acme/old.txt']);
  });
});
