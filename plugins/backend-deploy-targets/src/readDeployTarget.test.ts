import { ConfigReader } from '@backstage/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EcsDeployTarget } from './ecs/EcsDeployTarget';
import { LocalProcessDeployTarget } from './local/LocalProcessDeployTarget';
import {
  readDeployTarget,
  readEcsTargetOptions,
  readLocalTargetOptions,
} from './readDeployTarget';
import {
  FAKE_AWS_INTEGRATION,
  FakeEcsServer,
  fakeEcsTargetBlock,
} from './testUtils';

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web';

describe('readDeployTarget', () => {
  let workDir: string;
  let ecs: FakeEcsServer;
  let endpoint: string;

  beforeEach(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'read-deploy-target-'));
    ecs = new FakeEcsServer();
    // Steady at the first look, so the deploy does not wait a poll interval.
    ecs.ticksPerRollout = 1;
    endpoint = await ecs.start();
  });

  afterEach(async () => {
    await ecs.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  const ecsBlock = (overrides: Record<string, unknown> = {}) =>
    fakeEcsTargetBlock(endpoint, overrides);

  const root = (block: object | undefined) =>
    new ConfigReader({ aws: FAKE_AWS_INTEGRATION, reviewEnvs: block });

  it('is the local target by default, with the caller defaults', async () => {
    const config = root(undefined);
    const defaults = {
      localWorkDir: workDir,
      localCommand: 'node server.js',
      healthPath: '/health',
    };

    const target = await readDeployTarget(
      config.getOptionalConfig('reviewEnvs'),
      config,
      defaults,
    );

    expect(target).toBeInstanceOf(LocalProcessDeployTarget);
    expect(target.type).toBe('local');
    expect(readLocalTargetOptions(undefined, defaults)).toEqual({
      workDir,
      command: 'node server.js',
      healthPath: '/health',
      healthTimeoutMs: 60_000,
    });
    expect(readLocalTargetOptions(undefined, { localWorkDir: 'x' })).toEqual({
      workDir: resolve('x'),
      command: 'yarn start',
      healthPath: '/',
      healthTimeoutMs: 60_000,
    });
  });

  it('reads the local block', async () => {
    const config = new ConfigReader({
      target: 'local',
      local: {
        workDir: join(workDir, 'configured'),
        command: 'yarn dev',
        healthPath: '/ready',
        healthTimeoutSeconds: 5,
      },
    });
    expect(
      readLocalTargetOptions(config.getOptionalConfig('local'), {
        localWorkDir: workDir,
        healthPath: '/health',
      }),
    ).toEqual({
      workDir: join(workDir, 'configured'),
      command: 'yarn dev',
      healthPath: '/ready',
      healthTimeoutMs: 5_000,
    });
    expect(
      await readDeployTarget(config, config, { localWorkDir: workDir }),
    ).toBeInstanceOf(LocalProcessDeployTarget);
  });

  it('builds the ECS target from the ecs block, signed with the AWS integration credentials', async () => {
    const config = root({ target: 'ecs', ecs: ecsBlock() });

    const target = await readDeployTarget(
      config.getConfig('reviewEnvs'),
      config,
      { localWorkDir: workDir },
    );
    expect(target).toBeInstanceOf(EcsDeployTarget);

    const deployment = await target.deploy({
      environmentId: 'web-pr-1',
      source: { repository: IMAGE, ref: 'v1' },
    });

    expect(deployment).toMatchObject({
      environmentId: 'web-pr-1',
      version: 'v1',
      url: `${endpoint}/apps/web-pr-1`,
    });
    const register = ecs.calls.find(
      call => call.operation === 'RegisterTaskDefinition',
    )!;
    expect(register.headers.authorization).toMatch(
      /Credential=AKIAFAKEFORTESTS\/\d+\/eu-west-1\/ecs\/aws4_request/,
    );
    expect(register.body).toMatchObject({
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        {
          name: 'app',
          image: `${IMAGE}:v1`,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/review' },
          },
        },
      ],
    });
    const create = ecs.calls.find(
      call => call.operation === 'CreateService',
    )!.body;
    expect(create).toMatchObject({
      cluster: 'review',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-1'],
          securityGroups: ['sg-1'],
          assignPublicIp: 'ENABLED',
        },
      },
    });
  });

  it('reads the ECS options synchronously, looking the credentials up on the first call', async () => {
    const config = root({ target: 'ecs', ecs: ecsBlock() });

    const target = new EcsDeployTarget(
      readEcsTargetOptions(config.getConfig('reviewEnvs.ecs'), config),
    );
    await target.deploy({
      environmentId: 'web-pr-2',
      source: { repository: IMAGE, ref: 'v2' },
    });

    expect(ecs.calls[0].headers.authorization).toMatch(
      /Credential=AKIAFAKEFORTESTS\//,
    );
    expect(ecs.service('web-pr-2')?.status).toBe('ACTIVE');
  });

  it('applies the ECS defaults', () => {
    const config = root({
      ecs: ecsBlock({ healthPath: undefined, healthTimeoutSeconds: undefined }),
    });
    const options = readEcsTargetOptions(
      config.getConfig('reviewEnvs.ecs'),
      config,
      { healthPath: '/health' },
    );
    expect(options).toMatchObject({
      cluster: 'review',
      healthPath: '/health',
      healthTimeoutMs: 120_000,
      steadyStateTimeoutMs: 15 * 60_000,
      container: { port: 8080, cpu: '256', memory: '512' },
    });
    expect(
      readEcsTargetOptions(
        new ConfigReader(ecsBlock({ healthPath: undefined })),
        config,
      ).healthPath,
    ).toBe('/');
  });

  it('names the missing or wrong key', async () => {
    const read = (block: object) => {
      const config = root(block);
      return readDeployTarget(config.getConfig('reviewEnvs'), config, {
        localWorkDir: workDir,
        configKey: 'reviewEnvs',
      });
    };
    const { cluster: _cluster, ...withoutCluster } = ecsBlock();

    await expect(read({ target: 'ecs', ecs: withoutCluster })).rejects.toThrow(
      "Missing required config value at 'reviewEnvs.ecs.cluster'",
    );
    await expect(read({ target: 'ecs' })).rejects.toThrow(
      "Missing required config value at 'reviewEnvs.ecs'",
    );
    await expect(
      read({
        target: 'ecs',
        ecs: ecsBlock({ container: { cpu: '256', memory: '512' } }),
      }),
    ).rejects.toThrow(
      "Missing required config value at 'reviewEnvs.ecs.container.port'",
    );
    await expect(
      read({ target: 'ecs', ecs: ecsBlock({ urlTemplate: 'https://x' }) }),
    ).rejects.toThrow(
      "reviewEnvs.ecs.urlTemplate 'https://x' must contain {environmentId}",
    );
    await expect(read({ target: 'k8s' })).rejects.toThrow(
      "reviewEnvs.target must be 'local' or 'ecs', not 'k8s'",
    );
    expect(ecs.calls).toEqual([]);
  });
});
