export { tenantScaffolderPlugin as default } from './plugin';
