import {
  ACCOUNT,
  EcsError,
  FakeDeployment,
  FakeEcsBehaviour,
  FakeService,
  REGION,
  Tag,
  present,
} from './fakeEcsModel';
import { FakeTaskDefinitions } from './FakeTaskDefinitions';

/**
 * The state behind the fake ECS endpoint: services, their rollouts and task
 * definitions, changed by the operations it answers. Rollouts advance one
 * step per DescribeServices call.
 */
export class FakeEcsCluster {
  private readonly services = new Map<string, FakeService>();
  private readonly taskDefinitions = new FakeTaskDefinitions();

  constructor(
    private readonly behaviour: FakeEcsBehaviour,
    /** Numbers ids, shared with the server's request ids. */
    private readonly nextSequence: () => number,
  ) {}

  service(name: string): FakeService | undefined {
    return this.services.get(name);
  }

  activeTaskDefinitions(): string[] {
    return this.taskDefinitions.list('', 'ACTIVE');
  }

  addUntaggedService(name: string) {
    this.services.set(name, this.newService(name, 'unrelated:1', [], 1));
  }

  /** Whether the environment's service runs and its image answers health checks. */
  isHealthy(environmentId: string | undefined): boolean {
    const service = [...this.services.values()].find(
      candidate =>
        candidate.status === 'ACTIVE' &&
        candidate.tags.some(tag => tag.value === environmentId),
    );
    const image =
      service && this.taskDefinitions.find(service.taskDefinition)?.image;
    return Boolean(
      service &&
        service.runningCount > 0 &&
        !this.behaviour.unhealthyImages.has(image!),
    );
  }

  apply(operation: string, body: any): unknown {
    switch (operation) {
      case 'RegisterTaskDefinition':
        return { taskDefinition: this.taskDefinitions.register(body) };
      case 'DeregisterTaskDefinition':
        return {
          taskDefinition: this.taskDefinitions.deregister(body.taskDefinition),
        };
      case 'ListTaskDefinitions':
        return {
          taskDefinitionArns: this.taskDefinitions.list(
            body.familyPrefix ?? '',
            body.status ?? 'ACTIVE',
          ),
        };
      case 'CreateService':
        return { service: present(this.create(body)) };
      case 'UpdateService':
        return { service: present(this.update(body)) };
      case 'DeleteService': {
        const service = this.active(body.service);
        if (service.desiredCount > 0 && !body.force) {
          throw new EcsError(
            'InvalidParameterException',
            'The service cannot be stopped while it is scaled above 0.',
          );
        }
        service.status = 'DRAINING';
        service.drainTicks = 0;
        return { service: present(service) };
      }
      case 'DescribeServices':
        return this.describe(body.services);
      case 'ListServices':
        return {
          serviceArns: [...this.services.values()]
            .filter(service => service.status !== 'INACTIVE')
            .map(service => service.serviceArn),
        };
      case 'TagResource': {
        const service = [...this.services.values()].find(
          candidate => candidate.serviceArn === body.resourceArn,
        );
        if (!service) {
          throw new EcsError('ResourceNotFoundException', 'No such resource');
        }
        for (const tag of body.tags as Tag[]) {
          service.tags = [
            ...service.tags.filter(existing => existing.key !== tag.key),
            tag,
          ];
        }
        return {};
      }
      default:
        throw new EcsError(
          'UnknownOperationException',
          `${operation} is not faked`,
        );
    }
  }

  private create(body: any): FakeService {
    const existing = this.services.get(body.serviceName);
    if (existing && existing.status !== 'INACTIVE') {
      if (existing.clientToken && existing.clientToken === body.clientToken) {
        return existing;
      }
      throw new EcsError(
        'InvalidParameterException',
        'Creation of service was not idempotent.',
      );
    }
    this.taskDefinitions.requireActive(body.taskDefinition);
    const service = this.newService(
      body.serviceName,
      body.taskDefinition,
      body.tags ?? [],
      body.desiredCount ?? 0,
    );
    service.clientToken = body.clientToken;
    this.services.set(service.serviceName, service);
    return service;
  }

  private update(body: any): FakeService {
    const service = this.active(body.service);
    if (body.taskDefinition)
      this.taskDefinitions.requireActive(body.taskDefinition);
    const taskDefinition = body.taskDefinition ?? service.taskDefinition;
    const desiredCount = body.desiredCount ?? service.desiredCount;
    service.desiredCount = desiredCount;
    for (const deployment of service.deployments) deployment.status = 'ACTIVE';
    service.deployments.unshift(
      this.newDeployment(taskDefinition, desiredCount),
    );
    this.event(service, `(service ${service.serviceName}) updated`);
    return service;
  }

  private describe(names: string[]) {
    const services: unknown[] = [];
    const failures: unknown[] = [];
    for (const name of names) {
      const service = this.services.get(name.split('/').pop()!);
      if (!service) {
        failures.push({
          arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${name}`,
          reason: 'MISSING',
        });
        continue;
      }
      this.advance(service);
      services.push(present(service));
    }
    return { services, failures };
  }

  /** One step of the service's life: rollouts progress, drained services go. */
  private advance(service: FakeService) {
    if (service.status === 'DRAINING') {
      if (++service.drainTicks >= this.behaviour.ticksToDrain) {
        service.status = 'INACTIVE';
      }
      return;
    }
    const primary = service.deployments[0];
    if (!primary || primary.rolloutState !== 'IN_PROGRESS') return;
    if (++primary.ticks < this.behaviour.ticksPerRollout) return;
    const image =
      this.taskDefinitions.find(primary.taskDefinition)?.image ?? '';
    if (this.behaviour.crashingImages.has(image) && primary.desiredCount > 0) {
      this.failRollout(service, primary);
      return;
    }
    primary.rolloutState = 'COMPLETED';
    primary.runningCount = primary.desiredCount;
    service.deployments = [primary];
    service.taskDefinition = primary.taskDefinition;
    service.runningCount = primary.desiredCount;
    this.event(
      service,
      `(service ${service.serviceName}) has reached a steady state.`,
    );
  }

  /** What the circuit breaker does: back to the previous deployment, if any. */
  private failRollout(service: FakeService, primary: FakeDeployment) {
    primary.rolloutState = 'FAILED';
    primary.rolloutStateReason =
      'ECS deployment circuit breaker: tasks failed to start.';
    this.event(
      service,
      `(service ${service.serviceName}) ${primary.rolloutStateReason}`,
    );
    const previous = service.deployments[1];
    service.deployments = previous
      ? [
          {
            ...this.newDeployment(
              previous.taskDefinition,
              previous.desiredCount,
            ),
            rolloutState: 'COMPLETED',
            runningCount: previous.desiredCount,
          },
        ]
      : [];
    service.taskDefinition = previous?.taskDefinition ?? service.taskDefinition;
    service.runningCount = previous?.desiredCount ?? 0;
  }

  private newService(
    name: string,
    taskDefinition: string,
    tags: Tag[],
    desiredCount: number,
  ): FakeService {
    const service: FakeService = {
      serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/review/${name}`,
      serviceName: name,
      status: 'ACTIVE',
      taskDefinition,
      desiredCount,
      runningCount: 0,
      deployments: [this.newDeployment(taskDefinition, desiredCount)],
      events: [],
      tags,
      createdAt: Date.now() / 1000,
      drainTicks: 0,
    };
    this.event(service, `(service ${name}) was created`);
    return service;
  }

  private newDeployment(
    taskDefinition: string,
    desiredCount: number,
  ): FakeDeployment {
    return {
      id: `ecs-svc/${this.nextSequence()}`,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount,
      runningCount: 0,
      rolloutState: 'IN_PROGRESS',
      createdAt: Date.now() / 1000,
      ticks: 0,
    };
  }

  private event(service: FakeService, message: string) {
    service.events.unshift({
      id: String(this.nextSequence()),
      createdAt: Date.now() / 1000,
      message,
    });
  }

  private active(name: string): FakeService {
    const service = this.services.get(name);
    if (!service || service.status === 'INACTIVE') {
      throw new EcsError('ServiceNotFoundException', 'Service not found.');
    }
    if (service.status !== 'ACTIVE') {
      throw new EcsError(
        'ServiceNotActiveException',
        'Service was not ACTIVE.',
      );
    }
    return service;
  }
}
