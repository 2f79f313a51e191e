export { TenantScaffolderPage } from './TenantScaffolderPage';
