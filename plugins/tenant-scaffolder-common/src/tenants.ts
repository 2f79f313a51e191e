import type { components } from './schema/openapi/generated';

// Declared once, in the tenant registry's openapi.yaml: each type here is
// its schema, so the backend, its clients and the spec cannot drift apart.
type Schemas = components['schemas'];

/** A customer instance as the tenant registry keeps it. */
export type Tenant = Schemas['Tenant'];

/** A trial until a day (`endsOn`, YYYY-MM-DD), or paid. */
export type TenantPlan = Schemas['TenantPlan'];

/**
 * `provisioning` while its steps run; `failed` when a step failed and every
 * completed step was undone; `needs-cleanup` when an undo failed too (the
 * ledger says what is left); `deleting`, then `deleted`.
 */
export type TenantStatus = Schemas['TenantStatus'];

/** What a tenant's running instance reads at run time; changes apply without a restart. */
export type TenantSettings = Schemas['TenantSettings'];

/** A resource the portal made for a tenant, as its ledger keeps it: undo and delete remove exactly these. */
export type TenantLedgerEntry = Schemas['TenantLedgerEntry'];

/** A tenant as the API answers: never with a secret, with the revision to send back on changes. */
export type RegisteredTenant = Schemas['RegisteredTenant'];

/** How many of a tenant's ledger entries are live, and how many removed. */
export type LedgerSummary = Schemas['LedgerSummary'];

/** `GET /tenants/{slug}`: the tenant and how many resources its ledger holds. */
export type TenantDetails = Schemas['TenantDetails'];

/** `PATCH /tenants/{slug}/settings`: the tenant, and whether its running instance has the change yet. */
export type SettingsUpdateResult = Schemas['SettingsUpdateResult'];

export type TenantHistoryAction = Schemas['TenantHistoryAction'];

/** Who changed what of a tenant, and when. */
export type TenantHistoryEntry = Schemas['TenantHistoryEntry'];

/** `GET /slugs/{slug}`: whether a slug may name a new tenant, and why not. */
export type SlugAvailability = Schemas['SlugAvailability'];
