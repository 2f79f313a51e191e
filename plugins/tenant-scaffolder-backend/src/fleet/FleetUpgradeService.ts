import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  FleetUpgrade,
  FleetUpgradeDetails,
  FleetUpgradeRequest,
  FleetUpgradeTenant,
  fleetUpgradeOptions,
  fleetUpgradeRequestProblems,
  planWaves,
} from '@internal/plugin-tenant-scaffolder-common';
import { FleetUpgradeStore } from '../database/FleetUpgradeStore';
import { StoredTenant, TenantStore } from '../database/TenantStore';
import { TenantInputError } from '../service/TenantInputError';

/**
 * Starts, resumes, cancels and retries fleet upgrades; `onWork` wakes the
 * runner after each of them.
 */
export class FleetUpgradeService {
  constructor(
    private readonly store: FleetUpgradeStore,
    private readonly tenants: TenantStore,
    private readonly onWork: () => void,
  ) {}

  /**
   * Plans an upgrade of every ready tenant on another version: trial
   * tenants first (the canary is one of them when there is one), then by
   * slug.
   */
  async start(body: unknown, actor: string): Promise<FleetUpgradeDetails> {
    const problems = fleetUpgradeRequestProblems(body);
    if (problems.length > 0) throw new TenantInputError('body', problems);
    const request = body as FleetUpgradeRequest;
    const { version } = request;
    const options = fleetUpgradeOptions(request);
    const ready = (await this.tenants.list({ status: 'ready' }))
      .filter(tenant => tenant.version !== version)
      .sort(canaryFirst);
    const waves = planWaves(ready.length, options);
    const upgrade = await this.store.create({
      version,
      options,
      createdBy: actor,
      tenants: ready.map((tenant, index) => ({
        slug: tenant.slug,
        fromVersion: tenant.version,
        wave: waves[index],
      })),
      ...(ready.length === 0 && {
        completedBecause: 'no ready tenant runs another version',
      }),
    });
    if (!upgrade) throw await this.anotherIsActive();
    this.onWork();
    return upgrade;
  }

  private async anotherIsActive(): Promise<ConflictError> {
    const active = await this.store.active();
    return new ConflictError(
      active
        ? `Fleet upgrade ${active.id} to ${active.version} is ${active.status}: resume or cancel it first`
        : 'Another fleet upgrade is active: resume or cancel it first',
    );
  }

  async get(id: number): Promise<FleetUpgradeDetails> {
    const upgrade = await this.store.get(id);
    if (!upgrade) throw new NotFoundError(`No fleet upgrade ${id}`);
    return upgrade;
  }

  /** A paused upgrade goes on with its next wave. */
  async resume(id: number): Promise<FleetUpgrade> {
    const upgrade = await this.get(id);
    const last = upgrade.currentWave + 1 >= upgrade.waveCount;
    const resumed = await this.store.transition(
      id,
      ['paused'],
      last ? 'completed' : 'running',
      last
        ? { reason: null }
        : { reason: null, currentWave: upgrade.currentWave + 1 },
    );
    if (!resumed) {
      throw new ConflictError(
        `Fleet upgrade ${id} is ${upgrade.status}; only a paused one can be resumed`,
      );
    }
    this.onWork();
    return resumed;
  }

  /** Tenants not yet started are skipped; those running finish. */
  async cancel(id: number, actor: string): Promise<FleetUpgrade> {
    const upgrade = await this.get(id);
    const cancelled = await this.store.transition(
      id,
      ['running', 'paused'],
      'cancelled',
      { reason: `cancelled by ${actor}`, skipPending: true },
    );
    if (!cancelled) {
      throw new ConflictError(
        `Fleet upgrade ${id} is ${upgrade.status} and cannot be cancelled`,
      );
    }
    return cancelled;
  }

  /** Runs a failed tenant again, alone, whatever state its upgrade is in. */
  async retry(id: number, slug: string): Promise<FleetUpgradeTenant> {
    const tenant = await this.store.getTenant(id, slug);
    if (!tenant) {
      throw new NotFoundError(`Fleet upgrade ${id} has no tenant '${slug}'`);
    }
    if (!(await this.store.requeueFailed(id, slug))) {
      throw new ConflictError(
        `'${slug}' is ${tenant.status} in fleet upgrade ${id}; only a failed tenant can be retried`,
      );
    }
    // Read before the runners wake, which may claim it at once.
    const requeued = (await this.store.getTenant(id, slug))!;
    this.onWork();
    return requeued;
  }
}

function canaryFirst(a: StoredTenant, b: StoredTenant): number {
  const trialFirst =
    Number(a.plan.kind !== 'trial') - Number(b.plan.kind !== 'trial');
  return trialFirst || a.slug.localeCompare(b.slug);
}
