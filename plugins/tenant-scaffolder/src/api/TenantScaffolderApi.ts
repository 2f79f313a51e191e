import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FleetUpgrade,
  FleetUpgradeDetails,
  FleetUpgradeRequest,
  FleetUpgradeTenant,
  RegisteredTenant,
  SettingsUpdateResult,
  SlugAvailability,
  TenantDetails,
  TenantHistoryEntry,
  TenantLedgerEntry,
  TenantListQuery,
  TenantSettingsUpdate,
} from '@internal/plugin-tenant-scaffolder-common';

// What the registry's API answers and takes, declared once in -common.
export type {
  RegisteredTenant,
  SettingsUpdateResult,
  SlugAvailability,
  TenantDetails,
  TenantHistoryEntry,
  TenantListQuery,
  TenantSettingsInput,
  TenantSettingsUpdate,
} from '@internal/plugin-tenant-scaffolder-common';

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
