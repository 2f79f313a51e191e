import {
  ClusterNotFoundException,
  DeleteServiceCommand,
  ECSClient,
  Service,
  Tag,
  TagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  DeployFailedError,
  DeployLog,
  DeployRequest,
  Deployment,
} from '../DeployTarget';
import { assertEnvironmentId } from '../environmentIds';
import { waitForHealthy } from '../healthCheck';
import { SerialDeployTarget } from '../SerialDeployTarget';
import { EcsDeployTargetOptions } from './EcsDeployTargetOptions';
import {
  ENVIRONMENT_TAG,
  EcsEnvironmentResources,
  VERSION_TAG,
  isOwnService,
} from './EcsEnvironmentResources';
import { EcsRollout } from './EcsRollout';
import { imageReference } from './imageReference';

/**
 * Runs each environment as an ECS service: a task definition revision per
 * deploy (image tag = the requested ref, e.g. the PR's head SHA) and a service
 * per environment, rolled with ECS's deployment circuit breaker so a failed
 * version is rolled back and the previous one keeps serving.
 */
export class EcsDeployTarget extends SerialDeployTarget {
  readonly type = 'ecs';

  private readonly client: ECSClient;
  private readonly cluster: string;
  private readonly resources: EcsEnvironmentResources;
  private readonly rollout: EcsRollout;

  constructor(private readonly options: EcsDeployTargetOptions) {
    super();
    this.client = options.client;
    this.cluster = options.cluster;
    this.resources = new EcsEnvironmentResources(this.client, this.cluster);
    this.rollout = new EcsRollout(options, this.resources);
  }

  async get(environmentId: string): Promise<Deployment | undefined> {
    assertEnvironmentId(environmentId);
    const service = (await this.resources.services(environmentId)).find(
      candidate => candidate.status === 'ACTIVE' && candidate.desiredCount! > 0,
    );
    return service && this.toDeployment(service);
  }

  async list(): Promise<Deployment[]> {
    const deployments: Deployment[] = [];
    for (const service of await this.resources.allServices()) {
      const deployment =
        service.status === 'ACTIVE' ? this.toDeployment(service) : undefined;
      if (deployment) deployments.push(deployment);
    }
    return deployments;
  }

  /** ECS's own account of the service: its latest events, oldest first. */
  async logs(environmentId: string, maxLines = 200): Promise<string[]> {
    assertEnvironmentId(environmentId);
    const services = await this.resources.services(environmentId);
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

  protected async doDeploy(
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
    const taskDefinitionArn = await this.rollout.registerTaskDefinition(
      request,
      image,
      tags,
    );

    let started: { serviceName: string; active?: Service };
    try {
      started = await this.rollout.start(
        environmentId,
        taskDefinitionArn,
        tags,
        log,
      );
    } catch (error) {
      // Nothing runs the new revision: it must not be left registered.
      await this.resources.deregister(taskDefinitionArn).catch(() => {});
      throw error;
    }
    const { serviceName, active } = started;
    const previousTaskDefinition = active?.taskDefinition;

    const failure =
      (await this.rollout.waitForSteadyState(
        serviceName,
        taskDefinitionArn,
        log,
      )) ?? (await this.waitForUrl(environmentId, log));
    if (failure) {
      const output = await this.logs(environmentId, 50);
      await this.rollout.rollBack(serviceName, previousTaskDefinition, log);
      await this.resources.deregister(taskDefinitionArn);
      throw new DeployFailedError(`${environmentId}: ${failure}`, output);
    }
    if (
      previousTaskDefinition &&
      previousTaskDefinition !== taskDefinitionArn
    ) {
      log(`Retiring ${previousTaskDefinition}`);
      await this.resources.deregister(previousTaskDefinition);
    }
    if (active) {
      // Only now: until the new version serves, the old one is what runs.
      await this.client.send(
        new TagResourceCommand({ resourceArn: active.serviceArn, tags }),
      );
    }
    const [service] = await this.resources.describe([serviceName]);
    return this.toDeployment(service)!;
  }

  protected async doTeardown(
    environmentId: string,
    log: DeployLog,
  ): Promise<void> {
    for (const service of await this.servicesToTearDown(environmentId, log)) {
      if (service.status !== 'ACTIVE') continue;
      if (!isOwnService(service, environmentId)) {
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
    for (const arn of await this.resources.taskDefinitions(environmentId)) {
      await this.resources.deregister(arn);
    }
    log(`${environmentId} is gone`);
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

  /** No cluster holds no service: teardown goes on to the revisions. */
  private async servicesToTearDown(
    environmentId: string,
    log: DeployLog,
  ): Promise<Service[]> {
    try {
      return await this.resources.services(environmentId);
    } catch (error) {
      if (!(error instanceof ClusterNotFoundException)) throw error;
      log(`Cluster ${this.cluster} not found: no service of ${environmentId}`);
      return [];
    }
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
