import { ConflictError } from '@backstage/errors';
import {
  TenantHistoryAction,
  TenantSettings,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import {
  SecretChanges,
  StoredTenant,
  TenantFields,
} from '../database/TenantStore';
import { changedPaths } from './changedPaths';
import { describePlan } from './tenantHistoryText';

/**
 * What a change to a tenant writes and how its history tells it; undefined
 * when it changes nothing. Each rule below decides on the tenant as the
 * change's own transaction read it, and refuses what its state forbids.
 */
export type TenantChange =
  | {
      fields: TenantFields;
      action: TenantHistoryAction;
      detail: string;
      secrets?: SecretChanges;
      /** A deployment of the tenant's production environment the change reports. */
      deployment?: TenantDeployment;
    }
  | undefined;

/**
 * A deployment of a tenant's running version, as Release Watch counts it:
 * provisioning done or an upgrade done (`success`), or either failed.
 */
export type TenantDeployment = {
  version: string;
  status: 'success' | 'failure';
};

/** What provisioning's end reports: done, or failed (rolled back or not). */
function provisioningDeployment(
  current: StoredTenant,
  status: TenantStatus,
): TenantDeployment | undefined {
  if (current.status !== 'provisioning') return undefined;
  if (status === 'ready') {
    return { version: current.version, status: 'success' };
  }
  if (status === 'failed' || status === 'needs-cleanup') {
    return { version: current.version, status: 'failure' };
  }
  return undefined;
}

/** A deleted tenant is kept for its history and slug alone: nothing of it changes. */
export function assertNotDeleted(tenant: StoredTenant) {
  if (tenant.status === 'deleted') {
    throw new ConflictError(`'${tenant.slug}' is deleted`);
  }
}

/** Settings and plan stay as they are once deletion has begun. */
function assertEditable(tenant: StoredTenant) {
  if (tenant.status === 'deleting') {
    throw new ConflictError(`'${tenant.slug}' is being deleted`);
  }
}

/** Slugs are never reused, a deleted tenant's included. */
export function slugTaken(existing: StoredTenant): ConflictError {
  return new ConflictError(
    existing.status === 'deleted'
      ? `The slug '${existing.slug}' belonged to a deleted tenant; slugs are never reused`
      : `The slug '${existing.slug}' is taken by the tenant '${existing.name}'`,
  );
}

export function settingsChange(
  current: StoredTenant,
  settings: TenantSettings,
  options: { expectedRevision?: number; secrets?: SecretChanges },
): TenantChange {
  const { expectedRevision, secrets } = options;
  assertEditable(current);
  if (expectedRevision !== undefined && expectedRevision !== current.revision) {
    throw new ConflictError(
      `'${current.slug}' was changed since revision ${expectedRevision} (it is at revision ${current.revision}): reload it and apply your change again`,
    );
  }
  const changed = changedPaths(current.settings, settings);
  return {
    fields: { settings },
    action: 'settings-updated',
    detail: changed.length
      ? `changed ${changed.join(', ')}`
      : 'no setting changed',
    secrets,
  };
}

/** Setting the status a tenant has already changes nothing, so retried steps are harmless. */
export function statusChange(
  current: StoredTenant,
  status: TenantStatus,
  detail?: string,
  failedUpgrade?: string,
): TenantChange {
  if (current.status === status) return undefined;
  if (status === 'deleted' && current.status !== 'deleting') {
    throw new ConflictError(
      `'${current.slug}' is ${current.status}: only a tenant being deleted can be marked deleted`,
    );
  }
  const transition = `${current.status} → ${status}`;
  return {
    fields: { status },
    action: 'status-changed',
    detail: detail ? `${transition}: ${detail}` : transition,
    deployment: failedUpgrade
      ? { version: failedUpgrade, status: 'failure' }
      : provisioningDeployment(current, status),
  };
}

/** Trial to paid, once. */
export function planUpgrade(current: StoredTenant): TenantChange {
  assertEditable(current);
  if (current.plan.kind === 'paid') {
    throw new ConflictError(`'${current.slug}' is on the paid plan already`);
  }
  return {
    fields: { plan: { kind: 'paid' } },
    action: 'plan-upgraded',
    detail: `${describePlan(current.plan)} → paid`,
  };
}

export function versionChange(
  current: StoredTenant,
  version: string,
): TenantChange {
  if (current.version === version) return undefined;
  return {
    fields: { version },
    action: 'version-changed',
    detail: `${current.version || '(none)'} → ${version}`,
    deployment: { version, status: 'success' },
  };
}
