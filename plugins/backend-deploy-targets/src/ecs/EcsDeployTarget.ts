import {
  ClusterNotFoundException,
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  ECSClient,
  KeyValuePair,
  RegisterTaskDefinitionCommand,
  Service,
  Tag,
  TagResourceCommand,
  UpdateServiceCommand,
  paginateListServices,
  paginateListTaskDefinitions,
} from '@aws-sdk/client-ecs';
import { createHash } from 'node:crypto';
import {
  DeployFailedError,
  DeployLog,
  DeployRequest,
  DeployTarget,
  Deployment,
} from '../DeployTarget';
import { assertEnvironmentId } from '../environmentIds';
import { imageReference } from './imageReference';
import { waitForHealthy } from '../healthCheck';
import { SerialQueues } from '../SerialQueues';

export type EcsDeployTargetOptions = {
  /** Configured with region and credentials (Backstage's AWS integration). */
  client: ECSClient;
  cluster: string;
  /** Where an environment answers; `{environmentId}` is replaced, e.g. `https://{environmentId}.review.example.com`. */
  urlTemplate: string;
  /** Path that must answer 200 at the URL before a version is ready. Default `/`. */
  healthPath?: string;
  container: {
    /** Default `app`. */
    name?: string;
    port: number;
    /** Fargate task size, e.g. `256` and `512`. */
    cpu: string;
    memory: string;
    executionRoleArn?: string;
    taskRoleArn?: string;
    /** CloudWatch Logs group for the awslogs driver; the stream prefix is the environment id. */
    logGroup?: string;
  };
  network: {
    subnets: string[];
    securityGroups: string[];
    assignPublicIp?: boolean;
  };
  /** Default `FARGATE`. */
  launchType?: 'FARGATE' | 'EC2';
  /** How long a rollout may take to reach a steady state. Default 15 min. */
  steadyStateTimeoutMs?: number;
  /** How long the URL may take to answer 200 after that. Default 2 min. */
  healthTimeoutMs?: number;
  /** Between DescribeServices calls while waiting. Default 5 s. */
  pollIntervalMs?: number;
};

/** Tags on every resource this target creates; orphans are found by them. */
export const ENVIRONMENT_TAG = 'portal:environment-id';
export const VERSION_TAG = 'portal:version';

/**
 * Names an environment's service may have. A torn-down service drains for a
 * while under its name; a PR reopened meanwhile gets the next name.
 */
const SERVICE_NAME_SUFFIXES = ['', '--2', '--3'];

/**
 * Runs each environment as an ECS service: a task definition revision per
 * deploy (image tag = the requested ref, e.g. the PR's head SHA) and a service
 * per environment, rolled with ECS's deployment circuit breaker so a failed
 * version is rolled back and the previous one keeps serving.
 */
export class EcsDeployTarget implements DeployTarget {
  readonly type = 'ecs';

  private readonly client: ECSClient;
  private readonly cluster: string;
  private readonly containerName: string;
  private readonly queues = new SerialQueues();

  constructor(private readonly options: EcsDeployTargetOptions) {
    this.client = options.client;
    this.cluster = options.cluster;
    this.containerName = options.container.name ?? 'app';
  }

  async deploy(
    request: DeployRequest,
    log: DeployLog = () => {},
  ): Promise<Deployment> {
    assertEnvironmentId(request.environmentId);
    return this.queues.run(request.environmentId, () =>
      this.doDeploy(request, log),
    );
  }

  async teardown(
    environmentId: string,
    log: DeployLog = () => {},
  ): Promise<void> {
    assertEnvironmentId(environmentId);
    return this.queues.run(environmentId, async () => {
      for (const service of await this.servicesToTearDown(environmentId, log)) {
        if (service.status !== 'ACTIVE') continue;
        if (!this.isOwn(service, environmentId)) {
          log(
            `Leaving ${service.serviceName} alone: it has no ${ENVIRONMENT_TAG}=${environmentId} tag`,
          );
          continue;
        }
        log(`Scaling service ${service.serviceName} to 0`);
        await this.client.send(
          new UpdateServiceCommand({
            cluster: this.cluster,
            service: service.serviceName,
            desiredCount: 0,
          }),
        );
        log(`Deleting service ${service.serviceName}`);
        await this.client.send(
          new DeleteServiceCommand({
            cluster: this.cluster,
            service: service.serviceName,
          }),
        );
      }
      for (const arn of await this.taskDefinitions(environmentId)) {
        await this.deregister(arn);
      }
      log(`${environmentId} is gone`);
    });
  }

  async get(environmentId: string): Promise<Deployment | undefined> {
    assertEnvironmentId(environmentId);
    const service = (await this.services(environmentId)).find(
      candidate => candidate.status === 'ACTIVE' && candidate.desiredCount! > 0,
    );
    return service && this.toDeployment(service);
  }

  async list(): Promise<Deployment[]> {
    const arns: string[] = [];
    for await (const page of paginateListServices(
      { client: this.client },
      { cluster: this.cluster },
    )) {
      arns.push(...(page.serviceArns ?? []));
    }
    const deployments: Deployment[] = [];
    for (let i = 0; i < arns.length; i += 10) {
      const services = await this.describe(arns.slice(i, i + 10));
      for (const service of services) {
        const deployment =
          service.status === 'ACTIVE' ? this.toDeployment(service) : undefined;
        if (deployment) deployments.push(deployment);
      }
    }
    return deployments;
  }

  /** ECS's own account of the service: its latest events, oldest first. */
  async logs(environmentId: string, maxLines = 200): Promise<string[]> {
    assertEnvironmentId(environmentId);
    const services = await this.services(environmentId);
    return services
      .flatMap(service => service.events ?? [])
      .sort(
        (a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0),
      )
      .slice(-maxLines)
      .map(event => `${event.createdAt?.toISOString()} ${event.message}`);
  }

  /** Services outlive the portal: everything tagged is adopted, nothing reaped. */
  async recover(): Promise<{ adopted: Deployment[]; reaped: string[] }> {
    return { adopted: await this.list(), reaped: [] };
  }

  private async doDeploy(
    request: DeployRequest,
    log: DeployLog,
  ): Promise<Deployment> {
    const { environmentId } = request;
    const version = request.source.ref;
    const image = imageReference(request.source.repository, version);
    const tags: Tag[] = [
      { key: ENVIRONMENT_TAG, value: environmentId },
      { key: VERSION_TAG, value: version },
    ];

    log(`Registering a task definition for ${image}`);
    const taskDefinitionArn = await this.registerTaskDefinition(
      request,
      image,
      tags,
    );

    let started: { serviceName: string; active?: Service };
    try {
      started = await this.startRollout(
        environmentId,
        taskDefinitionArn,
        tags,
        log,
      );
    } catch (error) {
      // Nothing runs the new revision: it must not be left registered.
      await this.deregister(taskDefinitionArn).catch(() => {});
      throw error;
    }
    const { serviceName, active } = started;
    const previousTaskDefinition = active?.taskDefinition;

    const failure =
      (await this.waitForSteadyState(serviceName, taskDefinitionArn, log)) ??
      (await this.waitForUrl(environmentId, log));
    if (failure) {
      const output = await this.logs(environmentId, 50);
      await this.rollBack(serviceName, previousTaskDefinition, log);
      await this.deregister(taskDefinitionArn);
      throw new DeployFailedError(`${environmentId}: ${failure}`, output);
    }
    if (
      previousTaskDefinition &&
      previousTaskDefinition !== taskDefinitionArn
    ) {
      log(`Retiring ${previousTaskDefinition}`);
      await this.deregister(previousTaskDefinition);
    }
    if (active) {
      // Only now: until the new version serves, the old one is what runs.
      await this.client.send(
        new TagResourceCommand({ resourceArn: active.serviceArn, tags }),
      );
    }
    const [service] = await this.describe([serviceName]);
    return this.toDeployment(service)!;
  }

  /**
   * Rolls the environment's active service to the revision, or creates its
   * service; returns the service's name and what was active before.
   */
  private async startRollout(
    environmentId: string,
    taskDefinitionArn: string,
    tags: Tag[],
    log: DeployLog,
  ): Promise<{ serviceName: string; active?: Service }> {
    const services = await this.services(environmentId);
    const active = services.find(service => service.status === 'ACTIVE');
    if (active && !this.isOwn(active, environmentId)) {
      throw new DeployFailedError(
        `${environmentId}: the service ${active.serviceName} in ${this.cluster} was not made by the portal for this environment (no ${ENVIRONMENT_TAG}=${environmentId} tag); it is left alone`,
      );
    }
    let serviceName: string;
    if (active) {
      serviceName = active.serviceName!;
      log(`Rolling service ${serviceName} to ${taskDefinitionArn}`);
      await this.client.send(
        new UpdateServiceCommand({
          cluster: this.cluster,
          service: serviceName,
          taskDefinition: taskDefinitionArn,
          desiredCount: 1,
        }),
      );
    } else {
      serviceName = freeServiceName(environmentId, services);
      log(`Creating service ${serviceName}`);
      await this.client.send(
        new CreateServiceCommand({
          cluster: this.cluster,
          serviceName,
          taskDefinition: taskDefinitionArn,
          desiredCount: 1,
          launchType: this.options.launchType ?? 'FARGATE',
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: this.options.network.subnets,
              securityGroups: this.options.network.securityGroups,
              assignPublicIp: this.options.network.assignPublicIp
                ? 'ENABLED'
                : 'DISABLED',
            },
          },
          deploymentConfiguration: {
            deploymentCircuitBreaker: { enable: true, rollback: true },
            minimumHealthyPercent: 100,
            maximumPercent: 200,
          },
          propagateTags: 'SERVICE',
          tags,
          // The same create, retried by the SDK or after a crash, is one service.
          clientToken: createHash('sha256')
            .update(`${serviceName}\n${taskDefinitionArn}`)
            .digest('hex')
            .slice(0, 32),
        }),
      );
    }
    return { serviceName, active };
  }

  private async registerTaskDefinition(
    request: DeployRequest,
    image: string,
    tags: Tag[],
  ): Promise<string> {
    const { container, launchType } = this.options;
    const environment: KeyValuePair[] = Object.entries(request.env ?? {}).map(
      ([name, value]) => ({ name, value }),
    );
    const { taskDefinition } = await this.client.send(
      new RegisterTaskDefinitionCommand({
        family: request.environmentId,
        requiresCompatibilities: [launchType ?? 'FARGATE'],
        networkMode: 'awsvpc',
        cpu: container.cpu,
        memory: container.memory,
        executionRoleArn: container.executionRoleArn,
        taskRoleArn: container.taskRoleArn,
        containerDefinitions: [
          {
            name: this.containerName,
            image,
            essential: true,
            portMappings: [{ containerPort: container.port, protocol: 'tcp' }],
            environment,
            logConfiguration: container.logGroup
              ? {
                  logDriver: 'awslogs',
                  options: {
                    'awslogs-group': container.logGroup,
                    'awslogs-region': await this.client.config.region(),
                    'awslogs-stream-prefix': request.environmentId,
                  },
                }
              : undefined,
          },
        ],
        tags,
      }),
    );
    return taskDefinition!.taskDefinitionArn!;
  }

  /** Resolves to undefined at steady state on the new revision, else to why not. */
  private async waitForSteadyState(
    serviceName: string,
    taskDefinitionArn: string,
    log: DeployLog,
  ): Promise<string | undefined> {
    const timeoutMs = this.options.steadyStateTimeoutMs ?? 15 * 60_000;
    const deadline = Date.now() + timeoutMs;
    let lastProgress = '';
    while (Date.now() < deadline) {
      const [service] = await this.describe([serviceName]);
      const primary = service?.deployments?.find(d => d.status === 'PRIMARY');
      if (!service || !primary) return `service ${serviceName} disappeared`;
      if (primary.taskDefinition !== taskDefinitionArn) {
        return `ECS rolled the service back to ${primary.taskDefinition}`;
      }
      if (primary.rolloutState === 'FAILED') {
        return `the rollout failed: ${primary.rolloutStateReason}`;
      }
      const progress = `${primary.runningCount ?? 0}/${
        primary.desiredCount
      } tasks running`;
      if (progress !== lastProgress) {
        log(`Rollout ${primary.rolloutState?.toLowerCase()}: ${progress}`);
        lastProgress = progress;
      }
      if (
        primary.rolloutState === 'COMPLETED' &&
        service.deployments!.length === 1 &&
        service.runningCount === service.desiredCount
      ) {
        return undefined;
      }
      await sleep(this.options.pollIntervalMs ?? 5_000);
    }
    return `service ${serviceName} did not reach a steady state within ${
      timeoutMs / 1000
    } s`;
  }

  private async waitForUrl(
    environmentId: string,
    log: DeployLog,
  ): Promise<string | undefined> {
    const url = `${this.url(environmentId)}${this.options.healthPath ?? '/'}`;
    const unhealthy = await waitForHealthy(url, {
      timeoutMs: this.options.healthTimeoutMs ?? 120_000,
      intervalMs: Math.min(this.options.pollIntervalMs ?? 2_000, 2_000),
    });
    if (!unhealthy) log(`Healthy at ${url}`);
    return unhealthy;
  }

  /** Back to the version that served before, or to no tasks if none did. */
  private async rollBack(
    serviceName: string,
    previousTaskDefinition: string | undefined,
    log: DeployLog,
  ) {
    log(
      previousTaskDefinition
        ? `Deploy failed; rolling back to ${previousTaskDefinition}`
        : 'Deploy failed; nothing served before, scaling to 0',
    );
    await this.client.send(
      new UpdateServiceCommand({
        cluster: this.cluster,
        service: serviceName,
        ...(previousTaskDefinition
          ? { taskDefinition: previousTaskDefinition, desiredCount: 1 }
          : { desiredCount: 0 }),
      }),
    );
  }

  /** The environment's services under any of its names, in any state. */
  /** No cluster holds no service: teardown goes on to the revisions. */
  private async servicesToTearDown(
    environmentId: string,
    log: DeployLog,
  ): Promise<Service[]> {
    try {
      return await this.services(environmentId);
    } catch (error) {
      if (!(error instanceof ClusterNotFoundException)) throw error;
      log(`Cluster ${this.cluster} not found: no service of ${environmentId}`);
      return [];
    }
  }

  private async services(environmentId: string): Promise<Service[]> {
    return this.describe(
      SERVICE_NAME_SUFFIXES.map(suffix => `${environmentId}${suffix}`),
    );
  }

  private async describe(services: string[]): Promise<Service[]> {
    const { services: found = [] } = await this.client.send(
      new DescribeServicesCommand({
        cluster: this.cluster,
        services,
        include: ['TAGS'],
      }),
    );
    return found;
  }

  /** ACTIVE task definition revisions of the environment's family. */
  private async taskDefinitions(environmentId: string): Promise<string[]> {
    const arns: string[] = [];
    for await (const page of paginateListTaskDefinitions(
      { client: this.client },
      { familyPrefix: environmentId, status: 'ACTIVE' },
    )) {
      arns.push(
        // The prefix of env-1 also matches env-10.
        ...(page.taskDefinitionArns ?? []).filter(
          arn => arn.split('/').pop()?.split(':')[0] === environmentId,
        ),
      );
    }
    return arns;
  }

  private async deregister(taskDefinitionArn: string) {
    await this.client.send(
      new DeregisterTaskDefinitionCommand({
        taskDefinition: taskDefinitionArn,
      }),
    );
  }

  /** Whether the portal made the service for this environment: its tag says so. */
  private isOwn(service: Service, environmentId: string): boolean {
    return (
      service.tags?.some(
        tag => tag.key === ENVIRONMENT_TAG && tag.value === environmentId,
      ) ?? false
    );
  }

  private toDeployment(service: Service): Deployment | undefined {
    const tag = (key: string) =>
      service.tags?.find(candidate => candidate.key === key)?.value;
    const environmentId = tag(ENVIRONMENT_TAG);
    if (!environmentId) return undefined;
    return {
      environmentId,
      version: tag(VERSION_TAG) ?? '',
      url: this.url(environmentId),
      startedAt: (
        service.deployments?.find(d => d.status === 'PRIMARY')?.createdAt ??
        service.createdAt ??
        new Date()
      ).toISOString(),
      details: {
        serviceArn: service.serviceArn ?? '',
        taskDefinition: service.taskDefinition ?? '',
        runningCount: service.runningCount ?? 0,
      },
    };
  }

  private url(environmentId: string) {
    return this.options.urlTemplate.replaceAll(
      '{environmentId}',
      environmentId,
    );
  }
}

function freeServiceName(environmentId: string, services: Service[]): string {
  const taken = new Set(
    services
      .filter(service => service.status !== 'INACTIVE')
      .map(service => service.serviceName),
  );
  const name = SERVICE_NAME_SUFFIXES.map(
    suffix => `${environmentId}${suffix}`,
  ).find(candidate => !taken.has(candidate));
  if (!name) {
    throw new DeployFailedError(
      `${environmentId}: every service name is still draining from earlier teardowns; try again in a few minutes`,
    );
  }
  return name;
}

function sleep(ms: number) {
  return new Promise(done => setTimeout(done, ms));
}
