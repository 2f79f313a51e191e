import {
  Tenant,
  TenantLedgerEntry,
  TenantPlan,
  TenantSettings,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';

/** A tenant as stored: with its revision and the names, never the values, of its secrets. */
export type StoredTenant = Tenant & {
  /** Incremented on every change to the tenant; optimistic updates compare it. */
  revision: number;
  secretNames: string[];
};

export type NewStoredTenant = Pick<
  Tenant,
  | 'slug'
  | 'name'
  | 'plan'
  | 'region'
  | 'version'
  | 'settings'
  | 'owner'
  | 'provisioningTask'
>;

/** Secrets written with a change, by name: a value sets one, null removes it. */
export type SecretChanges = Record<string, string | null>;

export type TenantFilter = {
  status?: TenantStatus;
  plan?: TenantPlan['kind'];
};

export type NewLedgerEntry = Pick<
  TenantLedgerEntry,
  'slug' | 'step' | 'resourceType' | 'resourceId' | 'details'
>;

export type LedgerSummary = { live: number; removed: number };

export type TenantHistoryAction =
  | 'created'
  | 'settings-updated'
  | 'plan-upgraded'
  | 'status-changed'
  | 'version-changed'
  | 'secret-changed'
  | 'resource-recorded'
  | 'resource-removed'
  /** A remover refused an entry naming what the portal does not make for the tenant. */
  | 'resource-refused';

export type TenantHistoryEntry = {
  id: number;
  at: string;
  /** A user's entity ref or a service's subject. */
  actor: string;
  action: TenantHistoryAction;
  detail: string | null;
};

/**
 * The tenant registry's storage. Every write that changes a tenant, its
 * secrets or its ledger appends to its history in the same transaction.
 * Tenants are never deleted, so a slug is never reused. Writes throw
 * NotFoundError for an unknown tenant and ConflictError when the tenant's
 * state does not allow them.
 */
export interface TenantStore {
  /** Stores a new tenant in status `provisioning`. */
  create(
    tenant: NewStoredTenant,
    options: { actor: string; secrets?: SecretChanges },
  ): Promise<StoredTenant>;
  get(slug: string): Promise<StoredTenant | undefined>;
  list(filter?: TenantFilter): Promise<StoredTenant[]>;
  isSlugTaken(slug: string): Promise<boolean>;

  /** Replaces the settings; refused when `expectedRevision` is given and the tenant has moved on. */
  updateSettings(
    slug: string,
    settings: TenantSettings,
    options: {
      actor: string;
      expectedRevision?: number;
      secrets?: SecretChanges;
    },
  ): Promise<StoredTenant>;
  /** Setting the status a tenant has already is a no-op, so retried steps are harmless. */
  setStatus(
    slug: string,
    status: TenantStatus,
    options: { actor: string; detail?: string },
  ): Promise<StoredTenant>;
  /** Trial to paid. */
  upgradePlan(slug: string, options: { actor: string }): Promise<StoredTenant>;
  setVersion(
    slug: string,
    version: string,
    options: { actor: string },
  ): Promise<StoredTenant>;

  /** For provisioning only: secrets never leave the backend through the API. */
  setSecret(
    slug: string,
    name: string,
    value: string | null,
    options: { actor: string },
  ): Promise<void>;
  getSecret(slug: string, name: string): Promise<string | undefined>;

  /**
   * Records a resource; recording one that is recorded already changes
   * nothing (`recorded: false`), so steps may record before they create.
   * One recorded again after its removal is live again.
   */
  recordResource(
    entry: NewLedgerEntry,
    options: { actor: string },
  ): Promise<{ entry: TenantLedgerEntry; recorded: boolean }>;
  listLedger(
    slug: string,
    options?: { includeRemoved?: boolean },
  ): Promise<TenantLedgerEntry[]>;
  ledgerSummary(slug: string): Promise<LedgerSummary>;
  /** Undefined when the tenant has no such entry; removing twice changes nothing. */
  markResourceRemoved(
    slug: string,
    id: number,
    options: { actor: string },
  ): Promise<TenantLedgerEntry | undefined>;

  /**
   * Notes in the history that a remover refused the entry, with why; the
   * entry stays live. Undefined when the tenant has no such entry.
   */
  recordRefusal(
    slug: string,
    id: number,
    options: { actor: string; reason: string },
  ): Promise<TenantLedgerEntry | undefined>;

  /** Newest first. */
  history(slug: string, limit: number): Promise<TenantHistoryEntry[]>;
}
