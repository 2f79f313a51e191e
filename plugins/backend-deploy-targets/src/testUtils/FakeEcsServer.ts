import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { FakeEcsCluster } from './FakeEcsCluster';
import { EcsError, FakeEcsBehaviour, FakeService } from './fakeEcsModel';

type Fault = 'throttle' | 'server' | 'apply-then-fail';

const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

/**
 * An HTTP-level fake of the ECS JSON 1.1 protocol on loopback, so the real
 * SDK serialises, signs and retries. Rollouts advance one step per
 * DescribeServices call; images listed in `crashingImages` make the circuit
 * breaker roll back, ones in `unhealthyImages` run but fail the URL check
 * that `GET /apps/<environment id>/health` answers. Faults are injected with
 * `failNext`, for the next request or the next of one operation.
 */
export class FakeEcsServer implements FakeEcsBehaviour {
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

  private sequence = 0;
  private readonly cluster = new FakeEcsCluster(this, () => ++this.sequence);
  private faults: Array<{ fault: Fault; operation?: string }> = [];
  private server?: Server;

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

  service(name: string): FakeService | undefined {
    return this.cluster.service(name);
  }

  activeTaskDefinitions(): string[] {
    return this.cluster.activeTaskDefinitions();
  }

  /** A service in the cluster not made by the deploy target. */
  addUntaggedService(name: string) {
    this.cluster.addUntaggedService(name);
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
        const result = this.cluster.apply(operation, body);
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
    const healthy = this.cluster.isHealthy(environmentId);
    res.writeHead(healthy ? 200 : 503).end(healthy ? 'ok' : 'unavailable');
  }
}
