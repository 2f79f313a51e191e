import {
  TenantLedgerEntry,
  TenantPlan,
} from '@internal/plugin-tenant-scaffolder-common';
import { NewStoredTenant, SecretChanges } from '../database/TenantStore';

/** How a tenant's history tells what happened to it; never with a secret's value. */

export function describePlan(plan: TenantPlan): string {
  return plan.kind === 'trial' ? `trial until ${plan.endsOn}` : 'paid';
}

export function describeNewTenant(tenant: NewStoredTenant): string {
  return `${tenant.name}, ${describePlan(tenant.plan)}, ${
    tenant.region
  }, owned by ${tenant.owner}`;
}

export function describeResource(
  entry: Pick<TenantLedgerEntry, 'resourceType' | 'resourceId' | 'step'>,
): string {
  return `${entry.resourceType} ${entry.resourceId} (step ${entry.step})`;
}

/** What a write did to the secrets, naming each but never its value. */
export function describeSecretChanges(secrets: SecretChanges = {}): string[] {
  return Object.entries(secrets).map(
    ([name, value]) => `secret ${name} ${value === null ? 'removed' : 'set'}`,
  );
}

/** A change's detail, then what it did to the secrets. */
export function historyDetail(detail: string, secrets?: SecretChanges) {
  return [detail, ...describeSecretChanges(secrets)].join('; ');
}
