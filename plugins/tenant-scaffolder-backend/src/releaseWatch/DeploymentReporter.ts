import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ReleaseWatchApiClient } from '@internal/plugin-release-watch-common';
import { DeploymentOutbox } from '../database/DatabaseDeploymentOutbox';
import { QueuedDeployment } from '../database/deploymentOutboxRows';

/** The scheduler task that sends what waits in the outbox. */
export const DEPLOYMENT_REPORT_TASK = 'tenant-deployments-to-release-watch';

export type DeploymentReporterOptions = {
  outbox: DeploymentOutbox;
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  /** Events per request. */
  batchSize?: number;
  /**
   * At most this many events wait while Release Watch does not take them
   * (not installed, down); older ones are dropped.
   */
  maxBacklog?: number;
  timeoutMs?: number;
};

/**
 * Sends the deployments the tenant store queued (tenant_deployment_outbox)
 * to Release Watch's `POST /events` with this plugin's service token, and
 * removes them only once Release Watch has answered that it took them.
 * Release Watch stores each event once by its id, so sending one again
 * after a lost answer, or from two replicas at once, counts it once.
 * Nothing here waits on or fails a tenant's change.
 */
export class DeploymentReporter {
  private readonly client: ReleaseWatchApiClient;
  private readonly batchSize: number;
  private readonly maxBacklog: number;
  private readonly timeoutMs: number;
  private running?: Promise<void>;
  private again = false;
  /** Why Release Watch does not take events now; logged once per outage. */
  private trouble?: string;
  private trimmedInTrouble = false;

  constructor(private readonly options: DeploymentReporterOptions) {
    this.client = new ReleaseWatchApiClient({
      discoveryApi: options.discovery,
    });
    this.batchSize = options.batchSize ?? 500;
    this.maxBacklog = options.maxBacklog ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Every 30 seconds on each replica, and at once after each change that queued one. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: DEPLOYMENT_REPORT_TASK,
      frequency: { seconds: 30 },
      timeout: { minutes: 5 },
      scope: 'local',
      fn: () => this.flush(),
    });
  }

  /** Sends now, in the background: for the store to call after a change. */
  wake(): void {
    this.flush().catch(error =>
      this.options.logger.warn(
        `Could not send tenant deployments to Release Watch: ${error}`,
      ),
    );
  }

  /**
   * Sends everything queued, until the outbox is empty or Release Watch
   * stops taking events. A flush asked for while one runs makes that one
   * look again.
   */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.sendAll();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async sendAll(): Promise<void> {
    const { outbox } = this.options;
    for (;;) {
      const batch = await outbox.read(this.batchSize);
      if (batch.length === 0) return;
      if (!(await this.send(batch))) {
        await this.bound();
        return;
      }
    }
  }

  /** Whether Release Watch answered for the batch (and it left the outbox). */
  private async send(batch: QueuedDeployment[]): Promise<boolean> {
    const { auth, outbox, logger } = this.options;
    const ids = batch.map(queued => queued.id);
    let response: Response;
    try {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'release-watch',
      });
      response = await this.client.ingestEvents(
        { body: batch.map(queued => queued.event) },
        { token, signal: AbortSignal.timeout(this.timeoutMs) },
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.unavailable(`Release Watch did not answer (${message})`);
      return false;
    }
    if (response.ok) {
      await outbox.remove(ids);
      this.available();
      return true;
    }
    const body: any = await response.json().catch(() => undefined);
    if (response.status === 400 && Array.isArray(body?.errors)) {
      // The others were stored; these would be refused every time.
      for (const refused of body.errors) {
        const event = batch[refused.line - 1]?.event;
        logger.warn(
          `Release Watch refused the tenant deployment ${event?.id}: ${refused.field} ${refused.message}`,
        );
      }
      await outbox.remove(ids);
      this.available();
      return true;
    }
    this.unavailable(
      response.status === 404
        ? 'Release Watch is not installed here (404)'
        : `Release Watch answered ${response.status}${
            body?.error?.message ? `: ${body.error.message}` : ''
          }`,
    );
    return false;
  }

  /** While Release Watch does not take them, the oldest past the bound go. */
  private async bound() {
    const dropped = await this.options.outbox.trim(this.maxBacklog);
    if (dropped > 0 && !this.trimmedInTrouble) {
      this.trimmedInTrouble = true;
      this.options.logger.warn(
        `Release Watch has not taken tenant deployments for a while: dropped the ${dropped} oldest, keeping the newest ${this.maxBacklog}`,
      );
    }
  }

  private unavailable(reason: string) {
    if (this.trouble) return;
    this.trouble = reason;
    this.options.logger.warn(
      `Tenant deployments wait for Release Watch in the outbox: ${reason}. Retrying every 30 seconds.`,
    );
  }

  private available() {
    if (!this.trouble) return;
    this.trouble = undefined;
    this.trimmedInTrouble = false;
    this.options.logger.info('Release Watch takes tenant deployments again');
  }
}
