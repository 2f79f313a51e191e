import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  DEFAULT_FLEET_UPGRADE_OPTIONS,
  FleetUpgrade,
  FleetUpgradeDetails,
  FleetUpgradeTenant,
  planWaves,
  TENANT_VERSION_PATTERN,
} from '@internal/plugin-tenant-scaffolder-common';
import { z } from 'zod';
import { FleetUpgradeStore } from '../database/FleetUpgradeStore';
import { StoredTenant, TenantStore } from '../database/TenantStore';
import { parseRequest } from '../service/requestValidation';

const startRequest = z
  .object({
    version: z
      .string()
      .regex(
        TENANT_VERSION_PATTERN,
        'must be a version such as 2.4.0 (at most 64 characters)',
      ),
    concurrency: z.number().int().min(1).max(50).optional(),
    maxFailureShare: z.number().min(0).max(1).optional(),
    firstWaveSize: z.number().int().min(1).max(1000).optional(),
    maxWaveSize: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
  .transform(request => ({
    version: request.version,
    options: {
      concurrency:
        request.concurrency ?? DEFAULT_FLEET_UPGRADE_OPTIONS.concurrency,
      maxFailureShare:
        request.maxFailureShare ??
        DEFAULT_FLEET_UPGRADE_OPTIONS.maxFailureShare,
      firstWaveSize:
        request.firstWaveSize ?? DEFAULT_FLEET_UPGRADE_OPTIONS.firstWaveSize,
      maxWaveSize:
        request.maxWaveSize ?? DEFAULT_FLEET_UPGRADE_OPTIONS.maxWaveSize,
    },
  }))
  .refine(
    request => request.options.maxWaveSize >= request.options.firstWaveSize,
    { message: 'must be at least firstWaveSize', path: ['maxWaveSize'] },
  );

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
    const { version, options } = parseRequest(startRequest, body, 'body');
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
    });
    this.onWork();
    return upgrade;
  }

  async list(limit: number): Promise<FleetUpgrade[]> {
    return this.store.list(limit);
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
      { reason: `cancelled by ${actor}` },
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
    this.onWork();
    return (await this.store.getTenant(id, slug))!;
  }
}

function canaryFirst(a: StoredTenant, b: StoredTenant): number {
  const trialFirst =
    Number(a.plan.kind !== 'trial') - Number(b.plan.kind !== 'trial');
  return trialFirst || a.slug.localeCompare(b.slug);
}
