export { TenantsListPage } from './TenantsListPage';
