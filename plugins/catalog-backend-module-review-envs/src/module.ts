import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { okJson } from '@internal/openapi-client';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { ReviewEnvsApiClient } from '@internal/plugin-review-envs-common';
import { ReviewEnvironmentEntityProvider } from './ReviewEnvironmentEntityProvider';

export const catalogModuleReviewEnvs = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'review-envs',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        catalogProcessing: catalogProcessingExtensionPoint,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({
        auth,
        catalog,
        catalogProcessing,
        discovery,
        logger,
        scheduler,
      }) {
        const reviewEnvs = new ReviewEnvsApiClient({ discoveryApi: discovery });
        catalogProcessing.addEntityProvider(
          new ReviewEnvironmentEntityProvider({
            taskRunner: scheduler.createScheduledTaskRunner({
              frequency: { minutes: 1 },
              timeout: { minutes: 1 },
              scope: 'global',
            }),
            logger,
            async loadEnvironments() {
              const { token } = await auth.getPluginRequestToken({
                onBehalfOf: await auth.getOwnServiceCredentials(),
                targetPluginId: 'review-envs',
              });
              const { items } = await okJson(
                reviewEnvs.listEnvironments({}, { token }),
              );
              return items;
            },
            async findComponent(repository) {
              const { items } = await catalog.getEntities(
                {
                  filter: {
                    kind: 'Component',
                    'metadata.annotations.github.com/project-slug': repository,
                  },
                  fields: ['kind', 'metadata.name', 'metadata.namespace'],
                },
                { credentials: await auth.getOwnServiceCredentials() },
              );
              return items[0] ? stringifyEntityRef(items[0]) : undefined;
            },
          }),
        );
      },
    });
  },
});
