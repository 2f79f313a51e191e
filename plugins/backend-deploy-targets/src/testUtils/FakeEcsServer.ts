import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

type Tag = { key: string; value: string };
type Fault = 'throttle' | 'server' | 'apply-then-fail';
type Deployment = {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason?: string;
  createdAt: number;
  ticks: number;
};
type Service = {
  serviceArn: string;
  serviceName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  deployments: Deployment[];
  events: Array<{ id: string; createdAt: number; message: string }>;
  tags: Tag[];
  clientToken?: string;
  createdAt: number;
  drainTicks: number;
};
type TaskDefinition = {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE';
  image: string;
  body: Record<string, unknown>;
};

class EcsError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
  }
}

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

/**
 * An HTTP-level fake of the ECS JSON 1.1 protocol on loopback, so the real
 * SDK serialises, signs and retries. Rollouts advance one step per
 * DescribeServices call; images listed in `crashingImages` make the circuit
 * breaker roll back, ones in `unhealthyImages` run but fail the URL check
 * that `GET /apps/<environment id>/health` answers. Faults are injected with
 * `failNext`, for the next request or the next of one operation.
 */
export class FakeEcsServer {
  readonly calls: Array<{
    operation: string;
    body: any;
    headers: IncomingMessage['headers'];
  }> = [];
  readonly crashingImages = new Set<string>();
  readonly unhealthyImages = new Set<string>();
  /** DescribeServices calls a rollout takes. */
  ticksPerRollout = 2;
  /** DescribeServices calls a deleted service stays DRAINING. */
  ticksToDrain = 2;

  private readonly services = new Map<string, Service>();
  private readonly taskDefinitions: TaskDefinition[] = [];
  private faults: Array<{ fault: Fault; operation?: string }> = [];
  private server?: Server;
  private sequence = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>(done =>
      this.server!.listen(0, '127.0.0.1', () => done()),
    );
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop() {
    await new Promise(done => this.server?.close(done));
  }

  /**
   * The next requests fail: `throttle` (400 ThrottlingException), `server`
   * (500), or `apply-then-fail` (the change is made but the answer is a 500,
   * as when a response is lost).
   */
  failNext(fault: Fault, operation?: string) {
    this.faults.push({ fault, operation });
  }

  operations(): string[] {
    return this.calls.map(call => call.operation);
  }

  service(name: string): Service | undefined {
    return this.services.get(name);
  }

  activeTaskDefinitions(): string[] {
    return this.taskDefinitions
      .filter(definition => definition.status === 'ACTIVE')
      .map(definition => definition.taskDefinitionArn);
  }

  /** A service in the cluster not made by the deploy target. */
  addUntaggedService(name: string) {
    this.services.set(name, this.newService(name, 'unrelated:1', [], 1));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET') {
        this.answerHealth(req.url ?? '', res);
        return;
      }
      const operation = String(req.headers['x-amz-target'] ?? '').replace(
        TARGET_PREFIX,
        '',
      );
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      this.calls.push({ operation, body, headers: req.headers });
      const fault = this.takeFault(operation);
      try {
        if (fault === 'throttle') {
          throw new EcsError('ThrottlingException', 'Rate exceeded');
        }
        if (fault === 'server') {
          throw new EcsError('ServerException', 'Internal failure', 500);
        }
        const result = this.apply(operation, body);
        if (fault === 'apply-then-fail') {
          throw new EcsError('ServerException', 'Internal failure', 500);
        }
        this.send(res, 200, result);
      } catch (error) {
        const { type, status, message } =
          error instanceof EcsError
            ? error
            : new EcsError('ServerException', String(error), 500);
        this.send(res, status, { __type: type, message });
      }
    });
  }

  private takeFault(operation: string): Fault | undefined {
    const index = this.faults.findIndex(
      candidate => !candidate.operation || candidate.operation === operation,
    );
    return index < 0 ? undefined : this.faults.splice(index, 1)[0].fault;
  }

  private send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': `request-${++this.sequence}`,
    });
    res.end(JSON.stringify(body));
  }

  private answerHealth(url: string, res: ServerResponse) {
    const environmentId = /^\/apps\/([^/]+)\/health$/.exec(url)?.[1];
    const service = [...this.services.values()].find(
      candidate =>
        candidate.status === 'ACTIVE' &&
        candidate.tags.some(tag => tag.value === environmentId),
    );
    const image = service && this.definition(service.taskDefinition)?.image;
    const healthy =
      service && service.runningCount > 0 && !this.unhealthyImages.has(image!);
    res.writeHead(healthy ? 200 : 503).end(healthy ? 'ok' : 'unavailable');
  }

  private apply(operation: string, body: any): unknown {
    switch (operation) {
      case 'RegisterTaskDefinition':
        return { taskDefinition: this.register(body) };
      case 'DeregisterTaskDefinition': {
        const definition = this.definition(body.taskDefinition);
        if (!definition) {
          throw new EcsError(
            'ClientException',
            'Unable to describe task definition.',
          );
        }
        definition.status = 'INACTIVE';
        return { taskDefinition: { ...definition.body, status: 'INACTIVE' } };
      }
      case 'ListTaskDefinitions':
        return {
          taskDefinitionArns: this.taskDefinitions
            .filter(
              definition =>
                definition.family.startsWith(body.familyPrefix ?? '') &&
                definition.status === (body.status ?? 'ACTIVE'),
            )
            .map(definition => definition.taskDefinitionArn),
        };
      case 'CreateService':
        return { service: this.present(this.create(body)) };
      case 'UpdateService':
        return { service: this.present(this.update(body)) };
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
        return { service: this.present(service) };
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

  private register(body: any) {
    const family: string = body.family;
    const revision =
      this.taskDefinitions.filter(definition => definition.family === family)
        .length + 1;
    const taskDefinitionArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`;
    const definition: TaskDefinition = {
      taskDefinitionArn,
      family,
      revision,
      status: 'ACTIVE',
      image: body.containerDefinitions[0].image,
      body: { ...body, taskDefinitionArn, revision, status: 'ACTIVE' },
    };
    this.taskDefinitions.push(definition);
    return definition.body;
  }

  private create(body: any): Service {
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
    this.requireDefinition(body.taskDefinition);
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

  private update(body: any): Service {
    const service = this.active(body.service);
    if (body.taskDefinition) this.requireDefinition(body.taskDefinition);
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
      services.push(this.present(service));
    }
    return { services, failures };
  }

  /** One step of the service's life: rollouts progress, drained services go. */
  private advance(service: Service) {
    if (service.status === 'DRAINING') {
      if (++service.drainTicks >= this.ticksToDrain) {
        service.status = 'INACTIVE';
      }
      return;
    }
    const primary = service.deployments[0];
    if (!primary || primary.rolloutState !== 'IN_PROGRESS') return;
    if (++primary.ticks < this.ticksPerRollout) return;
    const image = this.definition(primary.taskDefinition)?.image ?? '';
    if (this.crashingImages.has(image) && primary.desiredCount > 0) {
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
      service.taskDefinition =
        previous?.taskDefinition ?? service.taskDefinition;
      service.runningCount = previous?.desiredCount ?? 0;
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

  private newService(
    name: string,
    taskDefinition: string,
    tags: Tag[],
    desiredCount: number,
  ): Service {
    const service: Service = {
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
  ): Deployment {
    return {
      id: `ecs-svc/${++this.sequence}`,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount,
      runningCount: 0,
      rolloutState: 'IN_PROGRESS',
      createdAt: Date.now() / 1000,
      ticks: 0,
    };
  }

  private event(service: Service, message: string) {
    service.events.unshift({
      id: String(++this.sequence),
      createdAt: Date.now() / 1000,
      message,
    });
  }

  private present(service: Service) {
    const {
      clientToken: _token,
      drainTicks: _ticks,
      deployments,
      ...rest
    } = service;
    return {
      ...rest,
      deployments: deployments.map(
        ({ ticks: _t, ...deployment }) => deployment,
      ),
    };
  }

  private active(name: string): Service {
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

  private definition(arn: string) {
    return this.taskDefinitions.find(
      definition => definition.taskDefinitionArn === arn,
    );
  }

  private requireDefinition(arn: string) {
    if (this.definition(arn)?.status !== 'ACTIVE') {
      throw new EcsError(
        'ClientException',
        `TaskDefinition ${arn} is inactive or missing`,
      );
    }
  }
}
