import { ECSClient } from '@aws-sdk/client-ecs';
import { DeployFailedError } from '../DeployTarget';
import { EcsDeployTarget } from './EcsDeployTarget';
import { ENVIRONMENT_TAG, VERSION_TAG } from './EcsEnvironmentResources';
import { FakeEcsServer } from '../testUtils/FakeEcsServer';

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web';
const SHA1 = 'a'.repeat(40);
const SHA2 = 'b'.repeat(40);

describe('EcsDeployTarget', () => {
  let ecs: FakeEcsServer;
  let target: EcsDeployTarget;
  let lines: string[];
  const log = (line: string) => lines.push(line);

  beforeEach(async () => {
    ecs = new FakeEcsServer();
    const endpoint = await ecs.start();
    lines = [];
    target = new EcsDeployTarget({
      client: new ECSClient({
        region: 'eu-west-1',
        endpoint,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      }),
      cluster: 'review',
      urlTemplate: `${endpoint}/apps/{environmentId}`,
      healthPath: '/health',
      container: { port: 8080, cpu: '256', memory: '512' },
      network: { subnets: ['subnet-1'], securityGroups: ['sg-1'] },
      pollIntervalMs: 5,
      healthTimeoutMs: 300,
    });
  });

  afterEach(() => ecs.stop());

  const deploy = (ref: string, environmentId = 'web-pr-1') =>
    target.deploy(
      {
        environmentId,
        source: { repository: IMAGE, ref },
        env: { REVIEW_ENV_ID: environmentId },
      },
      log,
    );

  it('creates a tagged service from a task definition of the image at the SHA, and waits for steady state and health', async () => {
    const deployment = await deploy(SHA1);

    expect(deployment).toMatchObject({
      environmentId: 'web-pr-1',
      version: SHA1,
      url: expect.stringMatching(/\/apps\/web-pr-1$/),
    });
    const register = ecs.calls.find(
      call => call.operation === 'RegisterTaskDefinition',
    )!.body;
    expect(register).toMatchObject({
      family: 'web-pr-1',
      networkMode: 'awsvpc',
      containerDefinitions: [
        {
          image: `${IMAGE}:${SHA1}`,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          environment: [{ name: 'REVIEW_ENV_ID', value: 'web-pr-1' }],
        },
      ],
      tags: expect.arrayContaining([
        { key: ENVIRONMENT_TAG, value: 'web-pr-1' },
      ]),
    });
    const create = ecs.calls.find(
      call => call.operation === 'CreateService',
    )!.body;
    expect(create).toMatchObject({
      cluster: 'review',
      serviceName: 'web-pr-1',
      desiredCount: 1,
      clientToken: expect.stringMatching(/^[0-9a-f]{32}$/),
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      tags: expect.arrayContaining([{ key: VERSION_TAG, value: SHA1 }]),
    });
    expect(ecs.service('web-pr-1')).toMatchObject({
      status: 'ACTIVE',
      runningCount: 1,
    });
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Healthy at /)]),
    );
    expect(await target.get('web-pr-1')).toMatchObject({ version: SHA1 });
  });

  it('rolls a new revision into the same service and retires the old one', async () => {
    await deploy(SHA1);
    const deployment = await deploy(SHA2);

    expect(deployment.version).toBe(SHA2);
    expect(ecs.operations().filter(op => op === 'CreateService')).toHaveLength(
      1,
    );
    expect(ecs.service('web-pr-1')!.taskDefinition).toMatch(/web-pr-1:2$/);
    expect(ecs.activeTaskDefinitions()).toEqual([
      expect.stringMatching(/web-pr-1:2$/),
    ]);
    expect(await target.get('web-pr-1')).toMatchObject({ version: SHA2 });
  });

  it('leaves the previous version serving when the circuit breaker rolls a crashing version back', async () => {
    await deploy(SHA1);
    ecs.crashingImages.add(`${IMAGE}:${SHA2}`);

    const failure = await deploy(SHA2).catch(error => error);

    expect(failure).toBeInstanceOf(DeployFailedError);
    expect(failure.message).toMatch(/rolled the service back|rollout failed/);
    expect(failure.output.join('\n')).toMatch(/circuit breaker/);
    expect(ecs.service('web-pr-1')!.taskDefinition).toMatch(/web-pr-1:1$/);
    expect(ecs.activeTaskDefinitions()).toEqual([
      expect.stringMatching(/web-pr-1:1$/),
    ]);
    expect(await target.get('web-pr-1')).toMatchObject({ version: SHA1 });
  });

  it('rolls back itself when the new version runs but its URL never answers 200', async () => {
    await deploy(SHA1);
    ecs.unhealthyImages.add(`${IMAGE}:${SHA2}`);

    await expect(deploy(SHA2)).rejects.toThrow(/did not answer 200/);

    const rollBack = ecs.calls
      .filter(call => call.operation === 'UpdateService')
      .at(-1)!.body;
    expect(rollBack.taskDefinition).toMatch(/web-pr-1:1$/);
    expect(await target.get('web-pr-1')).toMatchObject({ version: SHA1 });
  });

  it('scales to 0 when a first deploy fails, so nothing crash-loops', async () => {
    ecs.crashingImages.add(`${IMAGE}:${SHA1}`);

    await expect(deploy(SHA1)).rejects.toThrow(DeployFailedError);

    expect(ecs.service('web-pr-1')!.desiredCount).toBe(0);
    expect(ecs.activeTaskDefinitions()).toEqual([]);
    expect(await target.get('web-pr-1')).toBeUndefined();
  });

  it('tears down by scaling to 0, deleting the service and deregistering its revisions, and is idempotent', async () => {
    await deploy(SHA1);
    await deploy(SHA1, 'web-pr-10');

    const before = ecs.calls.length;
    await target.teardown('web-pr-1', log);
    expect(ecs.operations().slice(before)).toEqual([
      'DescribeServices',
      'UpdateService',
      'DeleteService',
      'ListTaskDefinitions',
      'DeregisterTaskDefinition',
    ]);
    expect(ecs.calls[before + 1].body).toMatchObject({
      service: 'web-pr-1',
      desiredCount: 0,
    });
    await target.teardown('web-pr-1', log);

    expect(ecs.service('web-pr-1')!.status).not.toBe('ACTIVE');
    expect(ecs.activeTaskDefinitions()).toEqual([
      expect.stringMatching(/web-pr-10:1$/),
    ]);
    expect(await target.get('web-pr-1')).toBeUndefined();
    expect(await target.get('web-pr-10')).toBeDefined();
  });

  it('deploys a reopened pull request while its old service is still draining', async () => {
    ecs.ticksToDrain = 1000;
    await deploy(SHA1);
    await target.teardown('web-pr-1');
    expect(ecs.service('web-pr-1')!.status).toBe('DRAINING');

    const deployment = await deploy(SHA2);

    expect(deployment.details.serviceArn).toMatch(
      /service\/review\/web-pr-1--2$/,
    );
    expect(await target.get('web-pr-1')).toMatchObject({ version: SHA2 });
  });

  it('retries throttling and server errors', async () => {
    ecs.failNext('throttle');
    ecs.failNext('server');

    await deploy(SHA1);

    expect(ecs.operations().slice(0, 3)).toEqual([
      'RegisterTaskDefinition',
      'RegisterTaskDefinition',
      'RegisterTaskDefinition',
    ]);
    expect(ecs.service('web-pr-1')!.runningCount).toBe(1);
  });

  it('creates one service when the answer to CreateService is lost and the SDK retries', async () => {
    ecs.failNext('apply-then-fail', 'CreateService');

    await deploy(SHA1);

    const creates = ecs.calls.filter(
      call => call.operation === 'CreateService',
    );
    expect(creates).toHaveLength(2);
    expect(creates[1].body.clientToken).toBe(creates[0].body.clientToken);
    expect((await target.list()).map(d => d.environmentId)).toEqual([
      'web-pr-1',
    ]);
  });

  it('lists only the services it made, and adopts them after a restart', async () => {
    ecs.addUntaggedService('billing');
    await deploy(SHA1, 'web-pr-1');
    await deploy(SHA2, 'web-pr-2');

    const listed = await target.list();
    expect(listed.map(d => [d.environmentId, d.version]).sort()).toEqual([
      ['web-pr-1', SHA1],
      ['web-pr-2', SHA2],
    ]);
    const { adopted, reaped } = await target.recover();
    expect(adopted).toHaveLength(2);
    expect(reaped).toEqual([]);
  });

  it('shows ECS service events as the logs', async () => {
    await deploy(SHA1);
    const logs = await target.logs('web-pr-1');
    expect(logs.at(-1)).toMatch(/has reached a steady state/);
  });
});
