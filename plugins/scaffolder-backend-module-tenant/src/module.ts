import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { resolve } from 'node:path';
import { createPublishLocalGitAction } from './services/publishLocalGit';
import { createRegisterPublishedLocationAction } from './services/registerPublishedLocation';
import { createTenantActions } from './actions/createTenantActions';
import { tenantRemovers } from './actions/TenantActionDeps';
import { readTenantDrivers } from './provisioning/readTenantDrivers';
import { TenantRegistryClient } from './registry/TenantRegistryClient';
import { TenantDeprovisioner } from './deprovision/TenantDeprovisioner';
import { TenantRollback } from './rollback/TenantRollback';
import { TenantUpgrade } from './upgrade/TenantUpgrade';
import { createTenantRegistryHooksRouter } from './upgrade/tenantRegistryHooksRouter';
import { TenantConfigRefresh } from './upgrade/TenantConfigRefresh';

/** The `tenant:*` scaffolder actions, on the drivers `tenantScaffolder.provisioning` configures. */
export const scaffolderModuleTenant = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'tenant',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
      },
      async init({
        scaffolder,
        config,
        discovery,
        auth,
        logger,
        scheduler,
        httpRouter,
        httpAuth,
        permissions,
        catalog,
      }) {
        const dataDir =
          config.getOptionalString('tenantScaffolder.dataDir') ??
          'data/tenants';
        const drivers = readTenantDrivers(config, { dataDir });
        const registry = new TenantRegistryClient({ discovery, auth });
        const rollback = new TenantRollback(registry, tenantRemovers(drivers));
        // Tenants' services outlive a restart of the portal: adopt them again.
        const { adopted, reaped } = await drivers.services.recover();
        if (adopted.length + reaped.length > 0) {
          logger.info(
            `Tenant services after restart: ${adopted.length} adopted, ${reaped.length} reaped`,
          );
        }
        scaffolder.addActions(
          ...createTenantActions({
            registry,
            permissions,
            rollback,
            drivers,
            newTenantVersion:
              config.getOptionalString('tenantScaffolder.newTenantVersion') ??
              '1.0.0',
          }),
          createPublishLocalGitAction({
            repositoriesDir:
              config.getOptionalString('tenantScaffolder.repositoriesDir') ??
              resolve(dataDir, '..', 'repositories'),
          }),
          createRegisterPublishedLocationAction({ catalog, auth }),
        );
        httpRouter.use(
          createTenantRegistryHooksRouter({
            httpAuth,
            upgrade: new TenantUpgrade(
              registry,
              drivers.configFiles,
              drivers.services,
              logger,
            ),
            configRefresh: new TenantConfigRefresh(
              registry,
              drivers.configFiles,
            ),
          }),
        );
        const deprovisioner = new TenantDeprovisioner(
          registry,
          rollback,
          logger,
        );
        await scheduler.scheduleTask({
          id: 'tenant-deprovisioning',
          frequency: { seconds: 15 },
          timeout: { minutes: 15 },
          initialDelay: { seconds: 15 },
          fn: () => deprovisioner.run(),
        });
      },
    });
  },
});
