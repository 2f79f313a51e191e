export { TenantSlugPicker } from './TenantSlugPicker';
export { tenantSlugValidation } from './validation';
