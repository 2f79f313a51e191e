import {
  TenantHistoryAction,
  TenantHistoryEntry,
  TenantLedgerEntry,
  TenantPlan,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import { isoTime, isoTimeOrNull, Millis } from './millis';
import { StoredTenant, TenantFields } from './TenantStore';

/** The tenant registry's tables, as its migrations make them. */
export const TENANTS = 'tenants';
export const SECRETS = 'tenant_secrets';
export const LEDGER = 'tenant_ledger';
export const HISTORY = 'tenant_history';

export type TenantRow = {
  slug: string;
  name: string;
  plan_kind: TenantPlan['kind'];
  trial_ends_on: string | null;
  region: string;
  status: TenantStatus;
  version: string;
  settings: string;
  owner: string;
  provisioning_task: string | null;
  created_at_ms: Millis;
  updated_at_ms: Millis;
  revision: Millis;
};

export type LedgerRow = {
  id: number;
  slug: string;
  step: string;
  resource_type: string;
  resource_id: string;
  details: string;
  created_at_ms: Millis;
  removed_at_ms: Millis | null;
};

export type HistoryRow = {
  id: number;
  slug: string;
  at_ms: Millis;
  actor: string;
  action: TenantHistoryAction;
  detail: string | null;
};

export function tenantColumns(fields: TenantFields): Partial<TenantRow> {
  const { plan, status, version, settings } = fields;
  return {
    ...(plan && {
      plan_kind: plan.kind,
      trial_ends_on: plan.kind === 'trial' ? plan.endsOn : null,
    }),
    ...(status && { status }),
    ...(version !== undefined && { version }),
    ...(settings && { settings: JSON.stringify(settings) }),
  };
}

export function toStoredTenant(
  row: TenantRow,
  secretNames: string[],
): StoredTenant {
  return {
    slug: row.slug,
    name: row.name,
    plan:
      row.plan_kind === 'trial'
        ? { kind: 'trial', endsOn: row.trial_ends_on! }
        : { kind: 'paid' },
    region: row.region,
    status: row.status,
    version: row.version,
    settings: JSON.parse(row.settings),
    owner: row.owner,
    ...(row.provisioning_task
      ? { provisioningTask: row.provisioning_task }
      : {}),
    createdAt: isoTime(row.created_at_ms),
    updatedAt: isoTime(row.updated_at_ms),
    revision: Number(row.revision),
    secretNames,
  };
}

export function toLedgerEntry(row: LedgerRow): TenantLedgerEntry {
  return {
    id: Number(row.id),
    slug: row.slug,
    step: row.step,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    details: JSON.parse(row.details),
    createdAt: isoTime(row.created_at_ms),
    removedAt: isoTimeOrNull(row.removed_at_ms),
  };
}

export function toHistoryEntry(row: HistoryRow): TenantHistoryEntry {
  return {
    id: Number(row.id),
    at: isoTime(row.at_ms),
    actor: row.actor,
    action: row.action,
    detail: row.detail,
  };
}
