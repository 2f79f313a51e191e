import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { describeOnMoto, useMotoServer } from '@internal/backend-plugin-utils';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { EcsDeployTarget } from './EcsDeployTarget';
import { ENVIRONMENT_TAG, VERSION_TAG } from './EcsEnvironmentResources';

// The same target as EcsDeployTarget.test.ts, against moto's ECS instead of
// the in-repo fake. Moto does not move a service's PRIMARY deployment to a
// new task definition on UpdateService, has no draining (a deleted service
// is INACTIVE at once) and ignores CreateService's clientToken, so rolling
// to a new revision, the reopened PR while its old service drains, the
// idempotent create, rollbacks and throttling stay on the fake.

jest.setTimeout(60_000);

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web';
const SHA1 = 'a'.repeat(40);

describeOnMoto('EcsDeployTarget on moto', () => {
  // Services' tasks count as running, so a rollout reaches COMPLETED.
  const moto = useMotoServer({ env: { MOTO_ECS_SERVICE_RUNNING: '1' } });
  let client: ECSClient;
  let app: Server;
  let appUrl: string;

  beforeAll(async () => {
    // What a load balancer in front of the services would answer.
    app = createServer((_req, res) => res.end('ok'));
    await new Promise<void>(done => app.listen(0, '127.0.0.1', done));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(done => app.close(done)));

  beforeEach(async () => {
    client = new ECSClient({
      region: 'eu-west-1',
      endpoint: moto().endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await client.send(new CreateClusterCommand({ clusterName: 'review' }));
  });

  async function target(cluster = 'review') {
    return new EcsDeployTarget({
      client,
      cluster,
      urlTemplate: `${appUrl}/{environmentId}`,
      container: { port: 8080, cpu: '256', memory: '512' },
      network: await moto().defaultNetwork(),
      pollIntervalMs: 50,
      steadyStateTimeoutMs: 10_000,
      healthTimeoutMs: 5_000,
    });
  }

  const deploy = async (deployTarget: EcsDeployTarget, environmentId: string) =>
    deployTarget.deploy({
      environmentId,
      source: { repository: IMAGE, ref: SHA1 },
      env: { REVIEW_ENV_ID: environmentId },
    });

  async function activeRevisions(family: string) {
    const { taskDefinitionArns = [] } = await client.send(
      new ListTaskDefinitionsCommand({
        familyPrefix: family,
        status: 'ACTIVE',
      }),
    );
    return taskDefinitionArns;
  }

  it('registers a revision of the image at the SHA and creates a tagged service in the cluster', async () => {
    const deployment = await deploy(await target(), 'web-pr-1');

    expect(deployment).toMatchObject({
      environmentId: 'web-pr-1',
      version: SHA1,
      url: `${appUrl}/web-pr-1`,
    });
    const [revision] = await activeRevisions('web-pr-1');
    const { taskDefinition } = await client.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: revision }),
    );
    expect(taskDefinition?.containerDefinitions?.[0]).toMatchObject({
      image: `${IMAGE}:${SHA1}`,
      environment: [{ name: 'REVIEW_ENV_ID', value: 'web-pr-1' }],
    });
    const { services = [] } = await client.send(
      new DescribeServicesCommand({
        cluster: 'review',
        services: ['web-pr-1'],
        include: ['TAGS'],
      }),
    );
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      status: 'ACTIVE',
      desiredCount: 1,
      taskDefinition: revision,
      launchType: 'FARGATE',
    });
    expect(services[0].tags).toEqual(
      expect.arrayContaining([
        { key: ENVIRONMENT_TAG, value: 'web-pr-1' },
        { key: VERSION_TAG, value: SHA1 },
      ]),
    );
    expect(await (await target()).get('web-pr-1')).toEqual(deployment);
  });

  it('tears down: desired count 0, the service deleted, every revision deregistered', async () => {
    const ecs = await target();
    await deploy(ecs, 'web-pr-2');
    await deploy(ecs, 'web-pr-20');

    await ecs.teardown('web-pr-2');

    const { services = [] } = await client.send(
      new DescribeServicesCommand({
        cluster: 'review',
        services: ['web-pr-2', 'web-pr-20'],
      }),
    );
    expect(
      services.map(service => [service.serviceName, service.status]),
    ).toEqual([
      ['web-pr-2', 'INACTIVE'],
      ['web-pr-20', 'ACTIVE'],
    ]);
    expect(await activeRevisions('web-pr-2')).toEqual([]);
    expect(await activeRevisions('web-pr-20')).toHaveLength(1);
    expect(await ecs.get('web-pr-2')).toBeUndefined();
    expect((await ecs.list()).map(d => d.environmentId)).toEqual(['web-pr-20']);
  });

  it('lists only what it tagged, so orphan removal never touches a service it did not make', async () => {
    const ecs = await target();
    await deploy(ecs, 'web-pr-3');
    // Someone else's service in the same cluster, without the portal's tags.
    const { taskDefinition } = await client.send(
      new RegisterTaskDefinitionCommand({
        family: 'billing',
        containerDefinitions: [
          { name: 'billing', image: 'billing:1', memory: 512 },
        ],
      }),
    );
    await client.send(
      new CreateServiceCommand({
        cluster: 'review',
        serviceName: 'billing',
        taskDefinition: taskDefinition!.taskDefinitionArn,
        desiredCount: 1,
      }),
    );

    const listed = await ecs.list();
    expect(listed.map(d => d.environmentId)).toEqual(['web-pr-3']);
    for (const orphan of listed) await ecs.teardown(orphan.environmentId);

    const { services = [] } = await client.send(
      new DescribeServicesCommand({
        cluster: 'review',
        services: ['billing', 'web-pr-3'],
      }),
    );
    expect(
      services.map(service => [service.serviceName, service.status]),
    ).toEqual([
      ['billing', 'ACTIVE'],
      ['web-pr-3', 'INACTIVE'],
    ]);
    expect(await activeRevisions('billing')).toHaveLength(1);
  });

  it('refuses to roll or tear down a service of the same name that it did not make', async () => {
    const { taskDefinition } = await client.send(
      new RegisterTaskDefinitionCommand({
        family: 'theirs',
        containerDefinitions: [{ name: 'app', image: 'theirs:1', memory: 512 }],
      }),
    );
    await client.send(
      new CreateServiceCommand({
        cluster: 'review',
        serviceName: 'web-pr-5',
        taskDefinition: taskDefinition!.taskDefinitionArn,
        desiredCount: 1,
      }),
    );
    const ecs = await target();

    await expect(deploy(ecs, 'web-pr-5')).rejects.toThrow(
      'was not made by the portal for this environment',
    );
    await ecs.teardown('web-pr-5');

    const { services = [] } = await client.send(
      new DescribeServicesCommand({
        cluster: 'review',
        services: ['web-pr-5'],
      }),
    );
    expect(services[0]).toMatchObject({
      status: 'ACTIVE',
      desiredCount: 1,
      taskDefinition: taskDefinition!.taskDefinitionArn,
    });
    expect(await activeRevisions('web-pr-5')).toEqual([]);
    expect(await activeRevisions('theirs')).toHaveLength(1);
  });

  it("ends a deploy to a missing cluster with ECS's message, leaves no revision behind, and tears down to nothing", async () => {
    const missing = await target('no-such-cluster');
    await expect(deploy(missing, 'web-pr-4')).rejects.toThrow(
      'Cluster not found',
    );
    expect(await activeRevisions('web-pr-4')).toEqual([]);
    const log: string[] = [];
    await missing.teardown('web-pr-4', line => log.push(line));
    expect(log).toEqual([
      'Cluster no-such-cluster not found: no service of web-pr-4',
      'web-pr-4 is gone',
    ]);
  });

  it('refuses an image ECS would not accept before registering anything', async () => {
    const ecsTarget = await target();
    await expect(
      ecsTarget.deploy({
        environmentId: 'web-pr-6',
        source: { repository: 'my registry/web', ref: SHA1 },
        env: {},
      }),
    ).rejects.toThrow(`'my registry/web:${SHA1}' is not an image ECS accepts`);
    expect(await activeRevisions('web-pr-6')).toEqual([]);
  });
});
