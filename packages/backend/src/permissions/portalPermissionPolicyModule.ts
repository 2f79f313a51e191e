import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';

const DEFAULT_ADMIN_GROUP = 'group:default/portal-admins';

/** Installs {@link PortalPermissionPolicy}, reading its admin groups from `permission.adminGroups`. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, userInfo, policy }) {
        const adminGroupRefs = config.getOptionalStringArray(
          'permission.adminGroups',
        ) ?? [DEFAULT_ADMIN_GROUP];
        policy.setPolicy(
          new PortalPermissionPolicy({ adminGroupRefs, userInfo }),
        );
      },
    });
  },
});
