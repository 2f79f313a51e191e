import { S3Client } from '@aws-sdk/client-s3';
import {
  TestDatabases,
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
// The real registry, so that planted rows go through its database and API.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import tenantRegistryPlugin from '@internal/plugin-tenant-scaffolder-backend';
import { DeployTarget } from '@internal/backend-deploy-targets';
import { paidTenant } from '@internal/plugin-tenant-scaffolder-common/testUtils';
import { Knex, knex as createKnex } from 'knex';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTenantActions } from './actions/createTenantActions';
import { TenantDrivers, tenantRemovers } from './actions/TenantActionDeps';
import { TenantDeprovisioner } from './deprovision/TenantDeprovisioner';
import { LocalTenantCi } from './provisioning/ci/LocalTenantCi';
import { TenantConfigFiles } from './provisioning/config/TenantConfigFiles';
import {
  PostgresTenantDatabases,
  SqliteTenantDatabases,
} from './provisioning/database/TenantDatabases';
import { TenantServiceDeployer } from './provisioning/deploy/TenantServiceDeployer';
import { LocalZoneFileDns } from './provisioning/dns/LocalZoneFileDns';
import { LocalTenantStorage } from './provisioning/storage/LocalTenantStorage';
import { S3TenantStorage } from './provisioning/storage/S3TenantStorage';
import { TenantRegistryClient } from './registry/TenantRegistryClient';
import { runProvisioningStep } from './rollback/provisioningStep';
import { TenantRollback } from './rollback/TenantRollback';

jest.setTimeout(120_000);

/**
 * The exploit of a ledger that names what the tenant does not own, against
 * the real tenant registry (its database on SQLite and PostgreSQL) and the
 * real drivers: entries are planted straight into the registry's database,
 * since its API takes ledger writes from the provisioning module alone.
 * Delete, a failed task's rollback and a retried step's undo must remove
 * nothing but the tenant's own names, and leave it `needs-cleanup` with
 * every refused entry in its history.
 */
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const postgresUrl =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const run = Date.now().toString(36);
const BUCKET = 'shared';
const ADMIN = 'user:default/admin';

/** S3 with one shared bucket, in memory, at the HTTP level. */
const s3Objects = new Map<string, string>();
const s3 = setupServer(
  http.get(`http://s3.test/${BUCKET}`, ({ request: req }) => {
    const prefix = new URL(req.url).searchParams.get('prefix') ?? '';
    const keys = [...s3Objects.keys()].filter(key => key.startsWith(prefix));
    return new HttpResponse(
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${BUCKET}</Name><Prefix>${prefix}</Prefix><KeyCount>${
        keys.length
      }</KeyCount><IsTruncated>false</IsTruncated>${keys
        .map(key => `<Contents><Key>${key}</Key><Size>1</Size></Contents>`)
        .join('')}</ListBucketResult>`,
      { headers: { 'Content-Type': 'application/xml' } },
    );
  }),
  http.post(`http://s3.test/${BUCKET}`, async ({ request: req }) => {
    const body = await req.text();
    for (const [, key] of body.matchAll(/<Key>([^<]+)<\/Key>/g)) {
      s3Objects.delete(key);
    }
    return new HttpResponse(
      '<?xml version="1.0" encoding="UTF-8"?><DeleteResult></DeleteResult>',
      { headers: { 'Content-Type': 'application/xml' } },
    );
  }),
);
beforeAll(() => s3.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => s3.close());

describe.each(databases.eachSupportedId())(
  'a ledger naming what its tenant does not own, registry on %s',
  databaseId => {
    const directory = createMockDirectory();
    const dataDir = () => directory.resolve('data');
    const victim = `victim${run}`;
    let registryDb: Knex;
    let backend: any;
    let registry: TenantRegistryClient;
    let drivers: TenantDrivers & {
      postgres?: PostgresTenantDatabases;
      s3: S3TenantStorage;
    };
    let pgAdmin: Knex | undefined;
    const tornDown: string[] = [];

    /** What the victim owns, and a file outside every tenant's data. */
    function victimsThings() {
      const files = [
        `${dataDir()}/databases/${victim}.sqlite`,
        `${dataDir()}/storage/${victim}/logo.svg`,
        `${dataDir()}/config/${victim}/database.password`,
        `${dataDir()}/ci/tenant-${victim}.yml`,
        directory.resolve('canary.txt'),
      ];
      return {
        files: Object.fromEntries(
          files.map(file => [
            file,
            existsSync(file) ? readFileSync(file, 'utf8') : null,
          ]),
        ),
        zone: readFileSync(`${dataDir()}/clients.zone`, 'utf8')
          .split('\n')
          .filter(line => line.includes(victim)),
        s3: [...s3Objects.keys()].filter(key => key.includes(victim)),
        tornDown: [...tornDown],
      };
    }

    async function postgresLeft(names: string[]) {
      if (!pgAdmin) return [];
      const { rows } = await pgAdmin.raw(
        `SELECT datname AS name FROM pg_database WHERE datname = ANY(?)
         UNION ALL SELECT rolname FROM pg_roles WHERE rolname = ANY(?)`,
        [names, names],
      );
      return rows.map((row: { name: string }) => row.name).sort();
    }

    beforeAll(async () => {
      directory.setContent({
        'canary.txt': 'outside every tenant',
        assets: { 'logo.svg': '<svg/>' },
        data: {},
      });
      registryDb = await databases.init(databaseId);
      ({ server: backend } = await startTestBackend({
        features: [
          tenantRegistryPlugin,
          // Its own: the default scheduler is shared by the file's test backends.
          mockServices.scheduler.factory(),
          mockServices.database.factory({ knex: registryDb }),
        ],
      }));
      const base = `http://localhost:${
        (backend.address() as AddressInfo).port
      }/api/tenant-scaffolder`;
      registry = new TenantRegistryClient({
        discovery: {
          getBaseUrl: async () => base,
          getExternalBaseUrl: async () => base,
        },
        auth: mockServices.auth({ pluginId: 'scaffolder' }),
      });

      const deployTarget = {
        type: 'local',
        teardown: async (id: string) => {
          tornDown.push(id);
        },
      } as unknown as DeployTarget;
      pgAdmin = postgresUrl
        ? createKnex({ client: 'pg', connection: postgresUrl })
        : undefined;
      drivers = {
        databases: new SqliteTenantDatabases(`${dataDir()}/databases`),
        storage: new LocalTenantStorage(`${dataDir()}/storage`),
        dns: new LocalZoneFileDns(
          `${dataDir()}/clients.zone`,
          'clients.localhost',
          { production: 'localhost', staging: 'localhost' },
        ),
        configFiles: new TenantConfigFiles(
          `${dataDir()}/config`,
          'server {}\n',
        ),
        services: new TenantServiceDeployer(deployTarget, {
          repository: '.',
        }),
        ci: new LocalTenantCi(`${dataDir()}/ci`),
        seedSql: 'CREATE TABLE invoices (id INTEGER PRIMARY KEY);',
        assetsDir: directory.resolve('assets'),
        s3: new S3TenantStorage({
          client: new S3Client({
            region: 'eu-west-1',
            endpoint: 'http://s3.test',
            forcePathStyle: true,
            credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
          }),
          bucket: BUCKET,
        }),
        postgres: pgAdmin
          ? new PostgresTenantDatabases(pgAdmin, serverOf(postgresUrl!))
          : undefined,
      };

      // The victim, provisioned as the template does.
      await registry.register(paidTenant(victim));
      const record = (step: string) => async (resource: any) => {
        await registry.recordResource(victim, {
          step,
          resourceType: resource.type,
          resourceId: resource.id,
          details: resource.details ?? {},
        });
      };
      await drivers.databases.create(
        victim,
        drivers.seedSql,
        record('database'),
      );
      await drivers.postgres?.create(victim, '', record('database'));
      await drivers.storage.create(
        victim,
        drivers.assetsDir,
        record('storage'),
      );
      s3Objects.set(`tenants/${victim}/logo.svg`, '<svg/>');
      await drivers.dns.create(victim, record('dns'));
      await drivers.configFiles.writeSecret(
        victim,
        'database.password',
        'secret',
        record('config'),
      );
      await drivers.ci.create(
        victim,
        { name: 'Victim', host: `${victim}.clients.localhost` },
        record('ci'),
      );
      await registry.reportStatus(victim, 'ready');
    });

    afterAll(async () => {
      if (drivers?.postgres) {
        for (const type of ['postgres-database', 'postgres-role']) {
          await drivers.postgres.remove(victim, {
            type,
            id: `tenant_${victim}`,
          });
        }
      }
      await pgAdmin?.destroy();
    });

    /**
     * Registers `slug` with its own storage folder (holding a symlink to the
     * victim's) and plants, straight into the registry's database, one entry
     * of each kind naming what belongs to the victim, to the portal or to
     * nobody. Returns how many foreign entries it planted.
     */
    async function plantFor(slug: string): Promise<number> {
      // As its own task registers it, so that its steps may act on it.
      await registry.register({
        ...paidTenant(slug),
        provisioningTask: 'mock-task-id',
      });
      const own = `${dataDir()}/storage/${slug}`;
      mkdirSync(own, { recursive: true });
      symlinkSync(`${dataDir()}/storage/${victim}`, `${own}/victim-link`);
      symlinkSync(
        `${dataDir()}/databases/${victim}.sqlite`,
        `${dataDir()}/databases/${slug}.sqlite`,
      );
      const { rows } = await (pgAdmin?.raw(
        'SELECT current_database() AS name',
      ) ?? Promise.resolve({ rows: [{ name: 'postgres' }] }));
      const foreign: Array<[string, string, string, object?]> = [
        ['storage', 'local-folder', `${dataDir()}/storage/${victim}`],
        ['storage', 'local-folder', `${dataDir()}/config/../../canary.txt`],
        ['database', 'sqlite-file', `${dataDir()}/databases/${victim}.sqlite`],
        // The tenant's own file name, a symlink to the victim's database.
        ['database', 'sqlite-file', `${dataDir()}/databases/${slug}.sqlite`],
        [
          'config',
          'config-file',
          `${dataDir()}/config/${victim}/database.password`,
        ],
        ['ci', 'local-ci-workflow', `${dataDir()}/ci/tenant-${victim}.yml`],
        [
          'dns',
          'zone-file-record',
          `${victim}.clients.localhost`,
          { comment: `portal tenant ${victim}` },
        ],
        ['storage', 's3-prefix', `${BUCKET}/tenants/${victim}/`],
        ['storage', 's3-prefix', `${BUCKET}/tenants/`],
        ['deploy', 'deployment', `tenant-${victim}`],
        ['database', 'postgres-database', `tenant_${victim}`],
        ['database', 'postgres-role', `tenant_${victim}`],
        ['database', 'postgres-database', rows[0].name],
        ['database', 'aws-account', '123456789012'],
      ];
      const now = Date.now();
      await registryDb('tenant_ledger').insert([
        // The tenant's own folder: removed, the symlink in it unlinked.
        {
          slug,
          step: 'storage',
          resource_type: 'local-folder',
          resource_id: own,
          details: '{}',
          created_at_ms: now,
        },
        ...foreign.map(([step, type, id, details]) => ({
          slug,
          step,
          resource_type: type,
          resource_id: id,
          details: JSON.stringify(details ?? {}),
          created_at_ms: now,
        })),
      ]);
      return foreign.length;
    }

    function rollbackOf() {
      const removers = [
        ...tenantRemovers(drivers),
        drivers.s3,
        ...(drivers.postgres ? [drivers.postgres] : []),
      ];
      return new TenantRollback(registry, removers);
    }

    async function expectRefusedAndNothingForeignGone(
      slug: string,
      planted: number,
      before: ReturnType<typeof victimsThings>,
    ) {
      expect(victimsThings()).toEqual(before);
      expect(await postgresLeft([`tenant_${victim}`])).toEqual(
        drivers.postgres ? [`tenant_${victim}`, `tenant_${victim}`] : [],
      );
      expect((await registry.get(victim))?.status).toBe('ready');

      expect((await registry.get(slug))?.status).toBe('needs-cleanup');
      const live = await registry.liveResources(slug);
      expect(live).toHaveLength(planted);
      const history = await request(backend)
        .get(`/api/tenant-scaffolder/tenants/${slug}/history?limit=100`)
        .set('Authorization', mockCredentials.user.header());
      const refusals = history.body.items.filter(
        (item: { action: string }) => item.action === 'resource-refused',
      );
      expect(refusals.length).toBeGreaterThanOrEqual(planted);
      for (const entry of live) {
        expect(
          refusals.some((item: { detail: string }) =>
            item.detail.includes(entry.resourceId),
          ),
        ).toBe(true);
      }
      expect(existsSync(`${dataDir()}/storage/${slug}`)).toBe(false);
    }

    it('delete by an admin removes only what the tenant owns', async () => {
      const slug = `evil${run}a`;
      const planted = await plantFor(slug);
      expect(planted).toBeGreaterThan(10);
      const before = victimsThings();

      await request(backend)
        .delete(`/api/tenant-scaffolder/tenants/${slug}`)
        .set('Authorization', mockCredentials.user.header(ADMIN))
        .expect(202);
      await new TenantDeprovisioner(
        registry,
        rollbackOf(),
        mockServices.logger.mock(),
      ).deprovision(slug);

      await expectRefusedAndNothingForeignGone(slug, planted, before);
    });

    it("a failed step's rollback removes only what the tenant owns", async () => {
      const slug = `evil${run}b`;
      const planted = await plantFor(slug);
      expect(planted).toBeGreaterThan(10);
      const before = victimsThings();

      await expect(
        runProvisioningStep({
          registry,
          rollback: rollbackOf(),
          logger: mockServices.logger.mock(),
          slug,
          step: 'dns',
          run: async () => {
            throw new Error('the DNS provider is down');
          },
        }),
      ).rejects.toThrow('the DNS provider is down');

      await expectRefusedAndNothingForeignGone(slug, planted, before);
    });

    it("refuses a step named with another task's tenant, before undoing or making anything", async () => {
      const before = victimsThings();
      const actions = createTenantActions({
        registry,
        permissions: mockServices.permissions(),
        rollback: rollbackOf(),
        drivers,
        newTenantVersion: '1.0.0',
      });
      for (const id of [
        'tenant:database:create',
        'tenant:storage:create',
        'tenant:provisioning:complete',
      ]) {
        await expect(
          actions
            .find(action => action.id === id)!
            .handler(
              createMockActionContext({ input: { slug: victim } }) as any,
            ),
        ).rejects.toThrow(/was not registered by this task/);
      }
      expect(victimsThings()).toEqual(before);
      expect((await registry.get(victim))?.status).toBe('ready');
      expect(await registry.liveResources(victim)).toHaveLength(
        drivers.postgres ? 8 : 6,
      );
    });

    it("a retried step's undo removes only what the tenant owns", async () => {
      const slug = `evil${run}c`;
      const planted = await plantFor(slug);
      expect(planted).toBeGreaterThan(10);
      const before = victimsThings();
      const storageStep = createTenantActions({
        registry,
        permissions: mockServices.permissions(),
        rollback: rollbackOf(),
        drivers,
        newTenantVersion: '1.0.0',
      }).find(action => action.id === 'tenant:storage:create')!;

      await expect(
        storageStep.handler(
          createMockActionContext({ input: { slug } }) as any,
        ),
      ).rejects.toThrow(/could not undo an earlier attempt at storage/);

      await expectRefusedAndNothingForeignGone(slug, planted, before);
    });
  },
);

function serverOf(url: string) {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 5432) };
}
