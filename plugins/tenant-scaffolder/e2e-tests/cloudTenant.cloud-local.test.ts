import {
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
} from '@aws-sdk/client-ecs';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { Client } from 'pg';
import { openNewTenantWizard } from '../../../e2e/portal';

// The cloud-local profile (./scripts/test runs it with
// PORTAL_E2E_PROFILE=cloud-local): PostgreSQL, and S3 and ECS in moto_server
// on :4566, the Cloudflare stand-in on :8787 (app-config.cloud-local.yaml).
// Its name ends in .cloud-local.test.ts, so playwright.config.ts leaves it
// out of the journey runs on other profiles, whose portals have no cloud
// drivers.
test.setTimeout(300_000);

const MOTO = 'http://127.0.0.1:4566';
const aws = {
  region: 'eu-west-1',
  endpoint: MOTO,
  credentials: { accessKeyId: 'cloud-local', secretAccessKey: 'cloud-local' },
};

test('customer success creates a tenant on the cloud drivers, and an admin deleting it removes exactly its database, role, S3 prefix, ECS service and DNS records', async ({
  page,
  request,
}) => {
  const slug = `cloud-${Date.now().toString(36)}`;
  const database = `tenant_${slug.replace(/-/g, '_')}`;
  await openNewTenantWizard(page);
  await page.getByLabel('Customer name').fill('Cloud Corp');
  await page.getByLabel('Tenant slug').fill(slug);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Trial ends on').fill('2027-01-31');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(`is provisioned as ${slug}`)).toBeVisible({
    timeout: 90_000,
  });

  const where = await cloudResources(slug, database);
  expect(where).toEqual({
    database: true,
    role: true,
    objects: ['README.txt'],
    services: [`tenant-${slug}`],
    taskDefinitions: 1,
    dnsRecords: [
      `${slug}.clients.example.com`,
      `${slug}.staging.clients.example.com`,
    ],
  });

  // A portal admin deletes it (oauth2-proxy's header, app-config.e2e.yaml).
  const refresh = await request.get('/api/auth/oauth2Proxy/refresh', {
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      'x-forwarded-user': 'ada.lovelace',
    },
  });
  const adminToken = (await refresh.json()).backstageIdentity.token;
  const deletion = await request.delete(
    `/api/tenant-scaffolder/tenants/${slug}`,
    {
      headers: { Authorization: `Bearer ${adminToken}` },
    },
  );
  expect(deletion.status()).toBe(202);
  await expect(async () => {
    const tenant = await request.get(`/api/tenant-scaffolder/tenants/${slug}`, {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    expect((await tenant.json()).status).toBe('deleted');
  }).toPass({ timeout: 120_000 });

  expect(await cloudResources(slug, database)).toEqual({
    database: false,
    role: false,
    objects: [],
    services: [],
    taskDefinitions: 0,
    dnsRecords: [],
  });
});

/** What PostgreSQL, moto and the Cloudflare stand-in hold for the tenant. */
async function cloudResources(slug: string, database: string) {
  const postgres = new Client({
    connectionString:
      process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432',
    database: 'postgres',
  });
  await postgres.connect();
  try {
    const count = async (sql: string) =>
      (await postgres.query(sql, [database])).rowCount === 1;
    const s3 = new S3Client({ ...aws, forcePathStyle: true });
    const { Contents = [] } = await s3.send(
      new ListObjectsV2Command({
        Bucket: 'portal-tenants',
        Prefix: `tenants/${slug}/`,
      }),
    );
    const ecs = new ECSClient(aws);
    const { services = [] } = await ecs.send(
      new DescribeServicesCommand({
        cluster: 'portal',
        services: [`tenant-${slug}`],
      }),
    );
    const { taskDefinitionArns = [] } = await ecs.send(
      new ListTaskDefinitionsCommand({
        familyPrefix: `tenant-${slug}`,
        status: 'ACTIVE',
      }),
    );
    const dns = await fetch(
      `http://127.0.0.1:8787/client/v4/zones/cloud-local-zone/dns_records`,
      { headers: { Authorization: 'Bearer cloud-local' } },
    );
    const { result: records } = (await dns.json()) as {
      result: Array<{ name: string }>;
    };
    return {
      database: await count('select 1 from pg_database where datname = $1'),
      role: await count('select 1 from pg_roles where rolname = $1'),
      objects: Contents.map(object =>
        object.Key!.slice(`tenants/${slug}/`.length),
      ).sort(),
      services: services
        .filter(service => service.status === 'ACTIVE')
        .map(service => service.serviceName),
      taskDefinitions: taskDefinitionArns.length,
      dnsRecords: records
        .map(record => record.name)
        .filter(name => name.startsWith(`${slug}.`))
        .sort(),
    };
  } finally {
    await postgres.end();
  }
}
