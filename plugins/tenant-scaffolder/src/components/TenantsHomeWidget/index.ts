export { TenantsHomeWidget } from './TenantsHomeWidget';
