import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { okJson } from '@internal/openapi-client';
import { TenantsApiClient } from '@internal/plugin-tenant-scaffolder-common';
import { TenantEntityProvider } from './TenantEntityProvider';

export const catalogModuleTenants = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'tenants',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        catalogProcessing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({
        auth,
        catalogProcessing,
        config,
        discovery,
        logger,
        scheduler,
      }) {
        const registry = new TenantsApiClient({ discoveryApi: discovery });
        catalogProcessing.addEntityProvider(
          new TenantEntityProvider({
            taskRunner: scheduler.createScheduledTaskRunner({
              frequency: { seconds: 30 },
              timeout: { minutes: 1 },
              scope: 'global',
            }),
            logger,
            appBaseUrl: config.getOptionalString('app.baseUrl'),
            domain: config.getOptionalString(
              'tenantScaffolder.provisioning.dns.domain',
            ),
            async loadTenants() {
              const { token } = await auth.getPluginRequestToken({
                onBehalfOf: await auth.getOwnServiceCredentials(),
                targetPluginId: 'tenant-scaffolder',
              });
              const answer = registry.listTenants({}, { token });
              return (await okJson(answer)).items;
            },
          }),
        );
      },
    });
  },
});
