import {
  LedgerSummary,
  RegisteredTenant,
  Tenant,
  TenantHistoryEntry,
  TenantLedgerEntry,
  TenantListQuery,
  TenantSettings,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';

/** A tenant as stored: with the names, never the values, of its secrets. */
export type StoredTenant = RegisteredTenant & { secretNames: string[] };

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

/** The fields of a tenant that change after it is created. */
export type TenantFields = Partial<
  Pick<Tenant, 'plan' | 'status' | 'version' | 'settings'>
>;

/** Secrets written with a change, by name: a value sets one, null removes it. */
export type SecretChanges = Record<string, string | null>;

/** Who changes a tenant's settings, the revision they read, and the secrets changed with them. */
export type SettingsUpdateOptions = {
  actor: string;
  expectedRevision?: number;
  secrets?: SecretChanges;
};

export type NewLedgerEntry = Pick<
  TenantLedgerEntry,
  'slug' | 'step' | 'resourceType' | 'resourceId' | 'details'
>;

/**
 * The tenant registry's storage. Every write that changes a tenant, its
 * secrets or its ledger appends to its history in the same transaction.
 * Tenants are never deleted, so a slug is never reused. Writes throw
 * NotFoundError for an unknown tenant, and ConflictError when the tenant's
 * state does not allow them (the rules of `tenants/tenantChanges`, checked
 * on the row the write's own transaction read) or when another write
 * changed it first.
 */
export interface TenantStore {
  /** Stores a new tenant in status `provisioning`. */
  create(
    tenant: NewStoredTenant,
    options: { actor: string; secrets?: SecretChanges },
  ): Promise<StoredTenant>;
  get(slug: string): Promise<StoredTenant | undefined>;
  list(filter?: TenantListQuery): Promise<StoredTenant[]>;
  isSlugTaken(slug: string): Promise<boolean>;

  /** Replaces the settings; refused when `expectedRevision` is given and the tenant has moved on. */
  updateSettings(
    slug: string,
    settings: TenantSettings,
    options: SettingsUpdateOptions,
  ): Promise<StoredTenant>;
  /**
   * Setting the status a tenant has already is a no-op, so retried steps are
   * harmless. Provisioning's end (`provisioning` to `ready`, `failed` or
   * `needs-cleanup`) is reported to Release Watch as a deployment, and so is
   * `failedUpgrade`: the version an upgrade failed to deploy.
   */
  setStatus(
    slug: string,
    status: TenantStatus,
    options: { actor: string; detail?: string; failedUpgrade?: string },
  ): Promise<StoredTenant>;
  /** Trial to paid. */
  upgradePlan(slug: string, options: { actor: string }): Promise<StoredTenant>;
  /** The version the tenant now runs; reported to Release Watch as a successful deployment. */
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
