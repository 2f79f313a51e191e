export { tenantScaffolderPlugin as default } from './plugin';
export { tenantScaffolderApiRef } from './api/TenantScaffolderApi';
export type {
  RegisteredTenant,
  SlugAvailability,
  TenantDetails,
  TenantHistoryEntry,
  TenantListQuery,
  TenantScaffolderApi,
  TenantSettingsInput,
  TenantSettingsUpdate,
} from './api/TenantScaffolderApi';
export { TenantScaffolderClient } from './api/TenantScaffolderClient';
