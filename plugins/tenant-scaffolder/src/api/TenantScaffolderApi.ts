import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FleetUpgrade,
  FleetUpgradeDetails,
  FleetUpgradeRequest,
  FleetUpgradeTenant,
  Tenant,
  TenantLedgerEntry,
  TenantPlan,
  TenantSettings,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';

/** A tenant as the API answers, with the revision to send back on changes. */
export type RegisteredTenant = Tenant & { revision: number };

/** `PATCH /tenants/:slug/settings`: the tenant, and whether its running instance has the change yet. */
export type SettingsUpdateResult = RegisteredTenant & {
  appliedToInstance: boolean;
  /** Why the instance's config was not written; the settings are stored all the same. */
  applyProblem?: string;
};

/** `GET /tenants/:slug`: the tenant and how many resources its ledger holds. */
export type TenantDetails = RegisteredTenant & {
  ledger: { live: number; removed: number };
};

export type TenantHistoryEntry = {
  id: number;
  at: string;
  /** A user's entity ref or a service's subject. */
  actor: string;
  /** `created`, `settings-updated`, `plan-upgraded`, `status-changed`, ... */
  action: string;
  detail: string | null;
};

export type SlugAvailability = {
  slug: string;
  available: boolean;
  /** Why it is not available, as a field message: `is taken`. */
  problem?: string;
};

export type TenantListQuery = {
  status?: TenantStatus;
  plan?: TenantPlan['kind'];
};

/**
 * The settings to store. `mail.password` sets the SMTP password when given,
 * `null` removes it, and leaving it out keeps the stored one.
 */
export type TenantSettingsInput = Omit<TenantSettings, 'mail'> & {
  mail:
    | { mode: 'platform' }
    | {
        mode: 'smtp';
        host: string;
        port: number;
        username: string;
        fromAddress: string;
        password?: string | null;
      };
};

export type TenantSettingsUpdate = {
  settings: TenantSettingsInput;
  /** The revision the form was loaded at: a newer one answers 409. */
  expectedRevision?: number;
};

/** The tenant-scaffolder backend, as the frontend uses it. */
export interface TenantScaffolderApi {
  listTenants(query?: TenantListQuery): Promise<RegisteredTenant[]>;
  getTenant(slug: string): Promise<TenantDetails>;
  getHistory(
    slug: string,
    options?: { limit?: number },
  ): Promise<TenantHistoryEntry[]>;
  getLedger(
    slug: string,
    options?: { includeRemoved?: boolean },
  ): Promise<TenantLedgerEntry[]>;
  updateSettings(
    slug: string,
    update: TenantSettingsUpdate,
  ): Promise<SettingsUpdateResult>;
  upgradeToPaid(slug: string): Promise<RegisteredTenant>;
  deleteTenant(slug: string): Promise<RegisteredTenant>;
  getSlugAvailability(slug: string): Promise<SlugAvailability>;

  listFleetUpgrades(): Promise<FleetUpgrade[]>;
  startFleetUpgrade(request: FleetUpgradeRequest): Promise<FleetUpgradeDetails>;
  getFleetUpgrade(id: number): Promise<FleetUpgradeDetails>;
  resumeFleetUpgrade(id: number): Promise<FleetUpgrade>;
  cancelFleetUpgrade(id: number): Promise<FleetUpgrade>;
  retryFleetUpgradeTenant(
    id: number,
    slug: string,
  ): Promise<FleetUpgradeTenant>;
}

export const tenantScaffolderApiRef = createApiRef<TenantScaffolderApi>().with({
  id: 'plugin.tenant-scaffolder.service',
  pluginId: 'tenant-scaffolder',
});
