import {
  CreateServiceCommand,
  ECSClient,
  KeyValuePair,
  RegisterTaskDefinitionCommand,
  Service,
  Tag,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { createHash } from 'node:crypto';
import { DeployFailedError, DeployLog, DeployRequest } from '../DeployTarget';
import { EcsDeployTargetOptions } from './EcsDeployTargetOptions';
import {
  ENVIRONMENT_TAG,
  EcsEnvironmentResources,
  freeServiceName,
  isOwnService,
} from './EcsEnvironmentResources';

/**
 * The steps of one deploy on ECS: a task definition revision of the image,
 * the environment's service rolled to it (or created) under ECS's deployment
 * circuit breaker, the wait for a steady state, and the way back.
 */
export class EcsRollout {
  private readonly client: ECSClient;
  private readonly cluster: string;

  constructor(
    private readonly options: EcsDeployTargetOptions,
    private readonly resources: EcsEnvironmentResources,
  ) {
    this.client = options.client;
    this.cluster = options.cluster;
  }

  async registerTaskDefinition(
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
            name: container.name ?? 'app',
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

  /**
   * Rolls the environment's active service to the revision, or creates its
   * service; returns the service's name and what was active before.
   */
  async start(
    environmentId: string,
    taskDefinitionArn: string,
    tags: Tag[],
    log: DeployLog,
  ): Promise<{ serviceName: string; active?: Service }> {
    const services = await this.resources.services(environmentId);
    const active = services.find(service => service.status === 'ACTIVE');
    if (active && !isOwnService(active, environmentId)) {
      throw new DeployFailedError(
        `${environmentId}: the service ${active.serviceName} in ${this.cluster} was not made by the portal for this environment (no ${ENVIRONMENT_TAG}=${environmentId} tag); it is left alone`,
      );
    }
    if (active) {
      const serviceName = active.serviceName!;
      log(`Rolling service ${serviceName} to ${taskDefinitionArn}`);
      await this.client.send(
        new UpdateServiceCommand({
          cluster: this.cluster,
          service: serviceName,
          taskDefinition: taskDefinitionArn,
          desiredCount: 1,
        }),
      );
      return { serviceName, active };
    }
    const serviceName = freeServiceName(environmentId, services);
    log(`Creating service ${serviceName}`);
    await this.createService(serviceName, taskDefinitionArn, tags);
    return { serviceName };
  }

  /** Resolves to undefined at steady state on the new revision, else to why not. */
  async waitForSteadyState(
    serviceName: string,
    taskDefinitionArn: string,
    log: DeployLog,
  ): Promise<string | undefined> {
    const timeoutMs = this.options.steadyStateTimeoutMs ?? 15 * 60_000;
    const deadline = Date.now() + timeoutMs;
    let lastProgress = '';
    while (Date.now() < deadline) {
      const [service] = await this.resources.describe([serviceName]);
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

  /** Back to the version that served before, or to no tasks if none did. */
  async rollBack(
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

  private async createService(
    serviceName: string,
    taskDefinitionArn: string,
    tags: Tag[],
  ) {
    const { network, launchType } = this.options;
    await this.client.send(
      new CreateServiceCommand({
        cluster: this.cluster,
        serviceName,
        taskDefinition: taskDefinitionArn,
        desiredCount: 1,
        launchType: launchType ?? 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: network.subnets,
            securityGroups: network.securityGroups,
            assignPublicIp: network.assignPublicIp ? 'ENABLED' : 'DISABLED',
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
}

function sleep(ms: number) {
  return new Promise(done => setTimeout(done, ms));
}
