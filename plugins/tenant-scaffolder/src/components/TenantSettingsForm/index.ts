export { TenantSettingsForm } from './TenantSettingsForm';
