import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * Lets `file` locations be registered through the catalog API besides `url`
 * ones: the New service template publishes to a local git repository on the
 * embedded default and registers its catalog-info.yaml as a file. Who may
 * register locations at all is the permission policy's call (admins and
 * services).
 */
export default createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-file-locations',
  register(reg) {
    reg.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});
