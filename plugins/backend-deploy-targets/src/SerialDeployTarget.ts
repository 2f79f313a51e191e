import {
  DeployLog,
  DeployRequest,
  DeployTarget,
  Deployment,
} from './DeployTarget';
import { assertEnvironmentId } from './environmentIds';
import { SerialQueues } from './SerialQueues';

/**
 * What every target does before its own work: it refuses an invalid
 * environment id, and runs the deploys and teardowns of one environment one
 * at a time.
 */
export abstract class SerialDeployTarget implements DeployTarget {
  abstract readonly type: string;

  protected readonly queues = new SerialQueues();

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
    return this.queues.run(environmentId, () =>
      this.doTeardown(environmentId, log),
    );
  }

  /** {@link DeployTarget.deploy}, with no other deploy or teardown of the environment under way. */
  protected abstract doDeploy(
    request: DeployRequest,
    log: DeployLog,
  ): Promise<Deployment>;

  /** {@link DeployTarget.teardown}, with no other deploy or teardown of the environment under way. */
  protected abstract doTeardown(
    environmentId: string,
    log: DeployLog,
  ): Promise<void>;

  abstract get(environmentId: string): Promise<Deployment | undefined>;
  abstract list(): Promise<Deployment[]>;
  abstract logs(environmentId: string, maxLines?: number): Promise<string[]>;
  abstract recover(): Promise<{ adopted: Deployment[]; reaped: string[] }>;
}
