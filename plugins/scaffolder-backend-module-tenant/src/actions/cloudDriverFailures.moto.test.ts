import {
  CreateClusterCommand,
  ECSClient,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
} from '@aws-sdk/client-ecs';
import {
  CreateBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { describeOnMoto, useMotoServer } from '@internal/backend-plugin-utils';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { MemoryRegistry } from '../__testUtils__/MemoryRegistry';
import { readTenantDrivers } from '../provisioning/readTenantDrivers';
import { TenantRollback } from '../rollback/TenantRollback';
import { createTenantActions } from './createTenantActions';
import { tenantRemovers } from './TenantActionDeps';

// The new-tenant template's steps, in its order, on the cloud drivers built
// from config as the portal builds them: S3 and ECS in moto_server, the
// rest local. What AWS refuses must end the step with AWS's own message in
// the task log, and the tenant rolled back with nothing left in moto.

jest.setTimeout(60_000);

const REGION = 'eu-west-1';
const BUCKET = 'portal-tenants';
const CLUSTER = 'portal';
const IMAGES = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/tenant-app';
const TEMPLATE_STEPS = [
  'tenant:database:create',
  'tenant:storage:create',
  'tenant:dns:create',
  'tenant:config:render',
  'tenant:ci:create',
  'tenant:service:deploy',
  'tenant:provisioning:complete',
];
const tenant = {
  slug: 'acme',
  name: 'Acme Corp',
  plan: { kind: 'paid' as const },
  region: REGION,
  owner: 'group:default/customer-success',
  settings: { mail: { mode: 'platform' } },
};

describeOnMoto('the new-tenant steps on S3 and ECS in moto', () => {
  // Services' tasks count as running, so a rollout reaches COMPLETED.
  const moto = useMotoServer({ env: { MOTO_ECS_SERVICE_RUNNING: '1' } });
  const directory = createMockDirectory();
  const savedEnv = { ...process.env };
  let ingress: Server;
  let ingressUrl: string;
  let s3: S3Client;
  let ecs: ECSClient;

  beforeAll(async () => {
    // The SDK's default credential chain, which the drivers use, reads these.
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    // What a load balancer in front of the tenants' services would answer.
    ingress = createServer((_req, res) => res.end('ok'));
    await new Promise<void>(done => ingress.listen(0, '127.0.0.1', done));
    ingressUrl = `http://127.0.0.1:${(ingress.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    process.env = savedEnv;
    await new Promise(done => ingress.close(done));
  });

  beforeEach(() => {
    directory.setContent({ assets: { 'logo.svg': '<svg/>' } });
    const aws = {
      region: REGION,
      endpoint: moto().endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    };
    s3 = new S3Client({ ...aws, forcePathStyle: true });
    ecs = new ECSClient(aws);
  });

  async function provision(overrides: { imageRepository?: string } = {}) {
    const config = new ConfigReader({
      tenantScaffolder: {
        provisioning: {
          assetsDir: directory.resolve('assets'),
          storage: {
            type: 's3',
            region: REGION,
            endpoint: moto().endpoint,
            forcePathStyle: true,
            bucket: BUCKET,
          },
          deploy: {
            target: 'ecs',
            ecs: {
              imageRepository: overrides.imageRepository ?? IMAGES,
              region: REGION,
              endpoint: moto().endpoint,
              cluster: CLUSTER,
              urlTemplate: `${ingressUrl}/{environmentId}`,
              healthTimeoutSeconds: 5,
              steadyStateTimeoutMinutes: 0.2,
              container: { port: 8080, cpu: '256', memory: '512' },
              network: await moto().defaultNetwork(REGION),
            },
          },
        },
      },
    });
    const drivers = readTenantDrivers(config, { dataDir: directory.path });
    const registry = new MemoryRegistry();
    const actions = new Map(
      createTenantActions({
        registry,
        permissions: mockServices.permissions(),
        rollback: new TenantRollback(registry, tenantRemovers(drivers)),
        drivers,
        newTenantVersion: '1.0.0',
      }).map(action => [action.id, action]),
    );
    const logger = mockServices.logger.mock();
    const outputs: Record<string, any> = {};
    const run = async (id: string, input: object) => {
      const ctx = createMockActionContext({ input, logger: logger as any });
      await actions.get(id)!.handler(ctx as any);
      outputs[id] = (ctx.output as jest.Mock).mock.calls[0]?.[1];
    };

    let error: Error | undefined;
    try {
      await run('tenant:register', tenant);
      for (const step of TEMPLATE_STEPS) {
        await run(step, {
          slug: 'acme',
          ...(step === 'tenant:config:render'
            ? {
                database: outputs['tenant:database:create'],
                storage: outputs['tenant:storage:create'].location,
              }
            : {}),
        });
      }
    } catch (thrown) {
      error = thrown as Error;
    }
    const taskLog = [...logger.info.mock.calls, ...logger.error.mock.calls].map(
      ([message]) => String(message),
    );
    return { error, taskLog, registry };
  }

  /** Everything in moto that a tenant could have left. */
  async function leftInMoto() {
    const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
    const objects: string[] = [];
    for (const { Name } of Buckets) {
      const { Contents = [] } = await s3.send(
        new ListObjectsV2Command({ Bucket: Name }),
      );
      objects.push(...Contents.map(({ Key }) => `${Name}/${Key}`));
    }
    const { taskDefinitionArns = [] } = await ecs.send(
      new ListTaskDefinitionsCommand({ status: 'ACTIVE' }),
    );
    const services = await ecs
      .send(new ListServicesCommand({ cluster: CLUSTER }))
      .then(({ serviceArns = [] }) => serviceArns)
      .catch(() => []);
    return { objects, taskDefinitionArns, services };
  }

  /** Nothing of the tenant's on this machine either. */
  function leftLocally() {
    const left = (path: string) =>
      existsSync(directory.resolve(path))
        ? readdirSync(directory.resolve(path))
        : [];
    const zone = directory.resolve('clients.zone');
    return {
      databases: left('databases'),
      config: left('config'),
      ci: left('ci'),
      dnsRecords: existsSync(zone)
        ? readFileSync(zone, 'utf8').split('\n').filter(Boolean)
        : [],
    };
  }

  const nothing = {
    moto: { objects: [], taskDefinitionArns: [], services: [] },
    local: { databases: [], config: [], ci: [], dnsRecords: [] },
  };

  it('provisions the tenant when the bucket and cluster exist', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));

    const { error, registry } = await provision();

    expect(error).toBeUndefined();
    expect(registry.tenants.get('acme')?.status).toBe('ready');
    const left = await leftInMoto();
    expect(left.objects).toEqual([`${BUCKET}/tenants/acme/logo.svg`]);
    expect(left.services).toEqual([expect.stringMatching(/\/tenant-acme$/)]);
    expect(left.taskDefinitionArns).toHaveLength(1);
  });

  it("ends the storage step on a missing bucket with S3's message in the task log, rolled back", async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));

    const { error, taskLog, registry } = await provision();

    expect(error?.message).toBe('The specified bucket does not exist');
    expect(taskLog).toContain(
      'Step storage failed for tenant acme: The specified bucket does not exist',
    );
    expect(registry.tenants.get('acme')).toEqual({
      status: 'failed',
      detail:
        'storage failed: The specified bucket does not exist; rolled back 1 resource(s)',
    });
    expect({ moto: await leftInMoto(), local: leftLocally() }).toEqual(nothing);
  });

  it("ends the deploy step on a missing cluster with ECS's message in the task log, everything before it rolled back", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));

    const { error, taskLog, registry } = await provision();

    expect(error?.message).toBe('Cluster not found.');
    expect(taskLog).toContain(
      'Step deploy failed for tenant acme: Cluster not found.',
    );
    expect(registry.tenants.get('acme')).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(
        /^deploy failed: Cluster not found\.; rolled back \d+ resource\(s\)$/,
      ),
    });
    expect(taskLog).toContain('Undone: deployment tenant-acme');
    expect(registry.ledger.map(entry => entry.step)).toEqual(
      expect.arrayContaining(['database', 'storage', 'dns', 'config', 'ci']),
    );
    expect(registry.ledger.every(entry => entry.removedAt)).toBe(true);
    expect({ moto: await leftInMoto(), local: leftLocally() }).toEqual(nothing);
  });

  it('ends the deploy step on an image ECS would not accept, before anything is registered', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));

    const { error, taskLog, registry } = await provision({
      imageRepository: 'my registry/tenant-app',
    });

    expect(error?.message).toMatch(
      /^'my registry\/tenant-app:1\.0\.0' is not an image ECS accepts/,
    );
    expect(taskLog).toContainEqual(
      expect.stringMatching(
        /^Step deploy failed for tenant acme: 'my registry/,
      ),
    );
    expect(registry.tenants.get('acme')?.status).toBe('failed');
    expect({ moto: await leftInMoto(), local: leftLocally() }).toEqual(nothing);
  });
});
