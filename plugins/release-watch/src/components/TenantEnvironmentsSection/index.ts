export { TenantEnvironmentsSection } from './TenantEnvironmentsSection';
