import { LoggerService } from '@backstage/backend-plugin-api';
import { whileLeased } from '@internal/backend-plugin-utils';
import {
  FinishedWave,
  FleetUpgradeStore,
  RunnableTenant,
} from '../database/FleetUpgradeStore';
import { TenantStore } from '../database/TenantStore';
import { HealthGuard } from './healthGuard/HealthGuard';
import { TenantUpgrader } from './TenantUpgrader';

/**
 * How long a runner holds a tenant without renewing: a replica that dies
 * mid-wave leaves its tenants to another runner after this.
 */
const LEASE_MS = 60_000;
const LEASE_RENEW_MS = 15_000;

/** Past the end of a soak by the database's clock, so the run it wakes finds it over. */
const SOAK_MARGIN_MS = 250;

/**
 * Runs fleet upgrades: the current wave's tenants with the upgrade's
 * concurrency, then decides the wave: pause when its failures pass the
 * share, else go on to the next wave or complete. Every replica runs one;
 * each tenant is claimed once, under a lease, and each wave is closed once.
 * A tenant's failure is recorded and the others go on. A tenant whose
 * upgrade fails is set back to ready on its old version, which its
 * instance still serves.
 *
 * With a health guard, a wave that passed (all but the last) first soaks:
 * its end is recorded once, the upgrade waits out the soak (a timer wakes
 * the runner, and every scheduled run looks again, so a restart or another
 * replica picks it up), then the guard compares the upgraded tenants with
 * the rest and the wave is closed once, paused or on to the next.
 */
export class FleetUpgradeRunner {
  private wakeRequested = false;
  private soakTimer?: { at: number; timer: ReturnType<typeof setTimeout> };
  private trigger: () => void = () => {
    this.run().catch(error =>
      this.logger.warn(`Fleet upgrade run failed: ${error}`),
    );
  };

  constructor(
    private readonly store: FleetUpgradeStore,
    private readonly tenants: TenantStore,
    private readonly upgrader: TenantUpgrader,
    private readonly logger: LoggerService,
    private readonly guard?: HealthGuard,
  ) {}

  /** What starts a run when a soak ends; by default a run right here. */
  triggerWith(trigger: () => void): void {
    this.trigger = trigger;
  }

  /** Stops waiting for a soak's end (the backend is shutting down). */
  stop(): void {
    if (this.soakTimer) clearTimeout(this.soakTimer.timer);
    this.soakTimer = undefined;
  }

  /**
   * Says new work arrived. A run in progress that was about to stop looks
   * again instead, so work that arrives as it ends is not left for the next
   * scheduled run.
   */
  wake(): void {
    this.wakeRequested = true;
  }

  /** Runs until nothing is left to do now. */
  async run(): Promise<void> {
    const interrupted = await this.store.requeueInterrupted();
    if (interrupted > 0) {
      this.logger.info(
        `Fleet upgrade: ${interrupted} tenant(s) interrupted by a restart run again`,
      );
    }
    for (;;) {
      this.wakeRequested = false;
      const runnable = await this.store.runnable();
      if (runnable.length > 0) {
        let ran = 0;
        await inParallel(runnable, runnable[0].concurrency, async tenant => {
          if (await this.runTenant(tenant)) ran++;
        });
        if (ran > 0) continue;
        // Other replicas' runners hold the upgrade's concurrency: theirs to go on.
        return;
      }
      const finished = await this.store.finishedWaves();
      let moved = false;
      for (const wave of finished) {
        if (await this.closeWave(wave)) moved = true;
      }
      // Nothing moved (none finished, or all soaking): done for now.
      if (!moved && !this.wakeRequested) return;
    }
  }

  /** Whether this runner claimed the tenant (and so ran it). */
  private async runTenant(tenant: RunnableTenant): Promise<boolean> {
    const { upgradeId, slug } = tenant;
    if (!(await this.store.claim(upgradeId, slug, LEASE_MS))) return false;
    try {
      await whileLeased(() => this.upgradeTenant(tenant), {
        renew: () => this.store.renewLease(upgradeId, slug, LEASE_MS),
        everyMs: LEASE_RENEW_MS,
        onTrouble: problem =>
          this.logger.warn(`Fleet upgrade ${upgradeId}: ${slug}: ${problem}`),
      });
      await this.store.finishTenant(tenant.upgradeId, tenant.slug, {});
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `Fleet upgrade ${tenant.upgradeId}: ${tenant.slug} failed: ${message}`,
      );
      await this.store.finishTenant(tenant.upgradeId, tenant.slug, {
        error: message,
      });
    }
    return true;
  }

  private async upgradeTenant(tenant: RunnableTenant): Promise<void> {
    const { slug, version, actor, upgradeId } = tenant;
    const current = await this.tenants.get(slug);
    if (!current) throw new Error(`${slug} no longer exists`);
    if (current.status !== 'ready' && current.status !== 'upgrading') {
      throw new Error(`${slug} is ${current.status}, not ready`);
    }
    if (current.version === version) {
      await this.tenants.setStatus(slug, 'ready', { actor });
      return;
    }
    const label = `fleet upgrade ${upgradeId} to ${version}`;
    await this.tenants.setStatus(slug, 'upgrading', { actor, detail: label });
    try {
      await this.upgrader.upgrade(slug, version);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.tenants.setStatus(slug, 'ready', {
        actor,
        detail: `${label} failed, still on ${
          current.version || '(none)'
        }: ${message}`.slice(0, 1000),
        failedUpgrade: version,
      });
      throw error;
    }
    await this.tenants.setVersion(slug, version, { actor });
    await this.tenants.setStatus(slug, 'ready', { actor, detail: label });
  }

  /**
   * Whether to look again: the wave moved on (its soak began, or it was
   * closed), here or by another runner; false while it soaks.
   */
  private async closeWave(wave: FinishedWave): Promise<boolean> {
    const { upgrade, total, failed } = wave;
    const { maxFailureShare } = upgrade.options;
    const waveName =
      upgrade.currentWave === 0
        ? 'The canary'
        : `Wave ${upgrade.currentWave} of ${upgrade.waveCount - 1}`;
    const last = upgrade.currentWave + 1 >= upgrade.waveCount;
    // On this wave only: another runner may have closed it already.
    const close = (
      to: 'paused' | 'running' | 'completed',
      changes: { reason?: string | null; currentWave?: number },
    ) =>
      this.store.transition(
        upgrade.id,
        ['running'],
        to,
        changes,
        upgrade.currentWave,
      );
    if (total > 0 && failed / total > maxFailureShare) {
      const paused = await close('paused', {
        reason: `${waveName}: ${failed} of ${total} tenant(s) failed (${percent(
          failed / total,
        )}), more than the ${percent(
          maxFailureShare,
        )} allowed. Retry them, then resume or cancel.`,
      });
      if (paused) this.logger.warn(`Fleet upgrade ${upgrade.id} paused`);
      return true;
    }
    // The last wave leaves no tenant to compare with: it is not soaked.
    if (this.guard && !last) {
      const { guard } = this;
      if (!wave.soak) {
        const soaking = await this.store.startSoak(
          upgrade.id,
          upgrade.currentWave,
          guard.soakMs,
        );
        if (soaking) {
          this.logger.info(
            `Fleet upgrade ${
              upgrade.id
            }: ${waveName} done; soaking ${Math.round(
              guard.soakMs / 1000,
            )} s before the health guard judges it`,
          );
        }
        return true;
      }
      if (wave.soak.remainingMs > 0) {
        this.wakeAfter(wave.soak.remainingMs + SOAK_MARGIN_MS);
        return false;
      }
      const details = await this.store.get(upgrade.id);
      if (!details) return false;
      const verdict = await guard.judge(
        details,
        wave.soak.since,
        waveName === 'The canary' ? 'the canary' : waveName.toLowerCase(),
      );
      if (verdict.pause) {
        const paused = await close('paused', { reason: verdict.pause });
        if (paused) {
          this.logger.warn(
            `Fleet upgrade ${upgrade.id} paused: ${verdict.pause}`,
          );
        }
        return true;
      }
      this.logger.info(`Fleet upgrade ${upgrade.id}: ${verdict.figures}`);
    }
    if (!last) {
      await close('running', { currentWave: upgrade.currentWave + 1 });
      return true;
    }
    const failedInAll = upgrade.counts.failed;
    const completed = await close('completed', {
      reason:
        failedInAll > 0
          ? `${failedInAll} tenant(s) failed and stay on their previous version; retry them one by one`
          : null,
    });
    if (completed) {
      this.logger.info(
        `Fleet upgrade ${upgrade.id} to ${upgrade.version} done`,
      );
    }
    return true;
  }

  /** Starts a run after `ms`, unless one is set to start sooner. */
  private wakeAfter(ms: number): void {
    const at = Date.now() + ms;
    if (this.soakTimer && this.soakTimer.at <= at) return;
    this.stop();
    const timer = setTimeout(() => {
      this.soakTimer = undefined;
      this.trigger();
    }, ms);
    // A soak does not keep the process alive: the scheduled runs pick it up.
    timer.unref?.();
    this.soakTimer = { at, timer };
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Runs `work` over `items` with at most `limit` at once. */
async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await work(items[next++]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker),
  );
}
