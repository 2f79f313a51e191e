import { FleetUpgradeDetails } from '@internal/plugin-tenant-scaffolder-common';
import { compareTenantHealth } from './compareTenantHealth';
import { HealthGuardOptions } from './healthGuardConfig';
import { TenantHealthSource } from './ReleaseWatchTenantHealth';

/** What the guard made of a soaked wave: a reason to pause, or none, and the figures. */
export type HealthVerdict = { pause?: string; figures: string };

/**
 * Judges a fleet upgrade's soaked wave: the tenants it upgraded so far
 * (every tenant of it that succeeded) against those not yet upgraded (the
 * later waves' pending tenants), over the window from the wave's end until
 * now, as Release Watch reports them. It pauses when any signal regressed
 * past its threshold, and, failing safe, when Release Watch cannot be
 * read; resuming overrides either.
 */
export class HealthGuard {
  constructor(
    readonly options: HealthGuardOptions,
    private readonly source: TenantHealthSource,
  ) {}

  get soakMs(): number {
    return this.options.soakMs;
  }

  async judge(
    upgrade: FleetUpgradeDetails,
    since: Date,
    afterWhat: string,
  ): Promise<HealthVerdict> {
    const upgraded = upgrade.tenants
      .filter(tenant => tenant.status === 'succeeded')
      .map(tenant => tenant.slug);
    const notYet = upgrade.tenants
      .filter(
        tenant =>
          tenant.status === 'pending' && tenant.wave > upgrade.currentWave,
      )
      .map(tenant => tenant.slug);
    const prefix = `Health guard after ${afterWhat}`;
    if (upgraded.length === 0 || notYet.length === 0) {
      return { figures: `${prefix}: nothing to compare` };
    }
    let health;
    try {
      health = await this.source.read(
        [...upgraded, ...notYet],
        since,
        this.options.metric,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const reason = `${prefix}: Release Watch could not be read (${message}), so the upgraded tenants' health is unknown. Resume or cancel.`;
      return { pause: reason.slice(0, 2000), figures: reason };
    }
    const findings = compareTenantHealth(
      health.slice(0, upgraded.length),
      health.slice(upgraded.length),
      this.options,
    );
    const regressed = findings.filter(finding => finding.regressed);
    const figures = `${prefix}: ${findings.map(f => f.text).join('; ')}`;
    if (regressed.length === 0) return { figures };
    return {
      pause: `${prefix}: ${regressed
        .map(finding => finding.text)
        .join('; ')}. Resume or cancel.`,
      figures,
    };
  }
}
