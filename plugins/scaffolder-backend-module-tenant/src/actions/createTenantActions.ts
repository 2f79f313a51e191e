import { createTenantCiCreateAction } from './tenantCiCreate';
import { createTenantConfigRenderAction } from './tenantConfigRender';
import { createTenantDatabaseCreateAction } from './tenantDatabaseCreate';
import { createTenantDnsCreateAction } from './tenantDnsCreate';
import { createTenantProvisioningCompleteAction } from './tenantProvisioningComplete';
import { createTenantRegisterAction } from './tenantRegister';
import { createTenantServiceDeployAction } from './tenantServiceDeploy';
import { createTenantStorageCreateAction } from './tenantStorageCreate';
import { TenantActionDeps } from './TenantActionDeps';

/** Every `tenant:*` action, in the order the New tenant template runs them. */
export function createTenantActions(deps: TenantActionDeps) {
  return [
    createTenantRegisterAction(deps),
    createTenantDatabaseCreateAction(deps),
    createTenantStorageCreateAction(deps),
    createTenantDnsCreateAction(deps),
    createTenantConfigRenderAction(deps),
    createTenantCiCreateAction(deps),
    createTenantServiceDeployAction(deps),
    createTenantProvisioningCompleteAction(deps),
  ];
}
