import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { FakeEcsServer } from '@internal/backend-deploy-targets/testUtils';
import { LedgerResource } from '../LedgerResource';
import { readTenantDrivers } from '../readTenantDrivers';

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/tenant-app';

describe('tenants on the ECS target', () => {
  const directory = createMockDirectory();
  let ecs: FakeEcsServer;
  let endpoint: string;

  beforeEach(async () => {
    directory.clear();
    ecs = new FakeEcsServer();
    // Steady at the first look, so deploys do not wait a poll interval.
    ecs.ticksPerRollout = 1;
    endpoint = await ecs.start();
  });

  afterEach(() => ecs.stop());

  const services = (deploy: object) =>
    readTenantDrivers(
      new ConfigReader({
        aws: {
          mainAccount: {
            accessKeyId: 'AKIAFAKEFORTESTS',
            secretAccessKey: 'not-a-secret',
          },
        },
        tenantScaffolder: { provisioning: { deploy } },
      }),
      { dataDir: directory.path },
    ).services;

  const ecsConfig = () => ({
    target: 'ecs',
    ecs: {
      region: 'eu-west-1',
      endpoint,
      cluster: 'tenants',
      // The fake answers health checks at /apps/<environment id>/health.
      urlTemplate: `${endpoint}/apps/{environmentId}`,
      healthTimeoutSeconds: 5,
      imageRepository: IMAGE,
      container: { port: 3000, cpu: '256', memory: '512' },
      network: { subnets: ['subnet-1'], securityGroups: ['sg-1'] },
    },
  });

  const registrations = () =>
    ecs.calls
      .filter(call => call.operation === 'RegisterTaskDefinition')
      .map(call => ({
        family: call.body.family,
        image: call.body.containerDefinitions[0].image,
        environment: call.body.containerDefinitions[0].environment,
        authorization: call.headers.authorization,
      }));

  it('deploys a tenant from the image tagged with its version, and a redeploy on a new version as a new revision with the new tag', async () => {
    const deployer = services(ecsConfig());
    const recorded: LedgerResource[] = [];

    expect(deployer.describe('acme')).toEqual([
      `deploy ${IMAGE} at the tenant's version as tenant-acme on the ecs target`,
    ]);
    const deployed = await deployer.deploy(
      'acme',
      { configFile: '/config/acme/config.yml', version: '1.4.0' },
      async resource => {
        recorded.push(resource);
      },
      () => {},
    );

    expect(recorded).toEqual([
      { type: 'deployment', id: 'tenant-acme', details: { target: 'ecs' } },
    ]);
    expect(deployed).toEqual({
      url: `${endpoint}/apps/tenant-acme`,
      version: '1.4.0',
    });
    expect(registrations()).toEqual([
      {
        family: 'tenant-acme',
        image: `${IMAGE}:1.4.0`,
        environment: expect.arrayContaining([
          { name: 'TENANT_SLUG', value: 'acme' },
          { name: 'TENANT_VERSION', value: '1.4.0' },
        ]),
        authorization: expect.stringMatching(
          /Credential=AKIAFAKEFORTESTS\/\d+\/eu-west-1\/ecs\/aws4_request/,
        ),
      },
    ]);

    const redeployed = await deployer.redeploy(
      'acme',
      { configFile: '/config/acme/config.yml', version: '1.5.0' },
      () => {},
    );

    expect(redeployed.version).toBe('1.5.0');
    expect(registrations().map(({ image }) => image)).toEqual([
      `${IMAGE}:1.4.0`,
      `${IMAGE}:1.5.0`,
    ]);
    // The new revision serves; the one it replaced is deregistered.
    expect(ecs.service('tenant-acme')?.taskDefinition).toMatch(
      /task-definition\/tenant-acme:2$/,
    );
    expect(ecs.activeTaskDefinitions()).toEqual([
      expect.stringMatching(/task-definition\/tenant-acme:2$/),
    ]);
  });

  it('reads the ECS block like review environments, with /health as the default health path', async () => {
    const deployer = services(ecsConfig());
    // Healthy only if the health check asks for <url>/health.
    await deployer.deploy(
      'acme',
      { configFile: '/config/acme/config.yml', version: '2.0.0' },
      async () => {},
      () => {},
    );
    const create = ecs.calls.find(
      call => call.operation === 'CreateService',
    )!.body;
    expect(create).toMatchObject({
      cluster: 'tenants',
      serviceName: 'tenant-acme',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-1'],
          securityGroups: ['sg-1'],
          assignPublicIp: 'DISABLED',
        },
      },
    });
    expect(registrations()[0].image).toBe(`${IMAGE}:2.0.0`);
  });

  it('names a missing image repository or ECS key', () => {
    const { imageRepository: _image, ...withoutImage } = ecsConfig().ecs;
    expect(() => services({ target: 'ecs', ecs: withoutImage })).toThrow(
      "Missing required config value at 'tenantScaffolder.provisioning.deploy.ecs.imageRepository'",
    );
    const { cluster: _cluster, ...withoutCluster } = ecsConfig().ecs;
    expect(() => services({ target: 'ecs', ecs: withoutCluster })).toThrow(
      "Missing required config value at 'tenantScaffolder.provisioning.deploy.ecs.cluster'",
    );
    expect(() => services({ target: 'ecs' })).toThrow(
      "Missing required config value at 'tenantScaffolder.provisioning.deploy.ecs'",
    );
    expect(() => services({ target: 'nomad' })).toThrow(
      "tenantScaffolder.provisioning.deploy.target must be 'local' or 'ecs', not 'nomad'",
    );
  });

  it('keeps the local target by default, at HEAD of the repository', () => {
    const deployer = services({ repository: directory.path });
    expect(deployer.describe('acme')).toEqual([
      `deploy ${directory.path}@HEAD as tenant-acme on the local target`,
    ]);
  });
});
