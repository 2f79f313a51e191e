export { catalogModuleTenants as default } from './module';
