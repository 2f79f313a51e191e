import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { tenantScaffolderPermissions } from '@internal/plugin-tenant-scaffolder-common';
import { DatabaseFleetUpgradeStore } from './database/DatabaseFleetUpgradeStore';
import { DatabaseDeploymentOutbox } from './database/DatabaseDeploymentOutbox';
import { DatabaseTenantStore } from './database/DatabaseTenantStore';
import { FleetUpgradeRunner } from './fleet/FleetUpgradeRunner';
import { FleetUpgradeService } from './fleet/FleetUpgradeService';
import { HealthGuard } from './fleet/healthGuard/HealthGuard';
import { readHealthGuardConfig } from './fleet/healthGuard/healthGuardConfig';
import { ReleaseWatchTenantHealth } from './fleet/healthGuard/ReleaseWatchTenantHealth';
import { scheduleFleetUpgrades } from './fleet/scheduleFleetUpgrades';
import { DeploymentReporter } from './releaseWatch/DeploymentReporter';
import { ScaffolderTenantHooks } from './scaffolder/ScaffolderTenantHooks';
import { createHealthRouter } from './service/healthRouter';
import { createRouter } from './service/createRouter';

export const tenantScaffolderPlugin = createBackendPlugin({
  pluginId: 'tenant-scaffolder',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        lifecycle: coreServices.lifecycle,
        database: coreServices.database,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init(deps) {
        const { database, httpRouter } = deps;
        deps.permissionsRegistry.addPermissions(tenantScaffolderPermissions);

        const tenants = await DatabaseTenantStore.create({ database });
        // Tenants' deployments to Release Watch, through the outbox.
        const deployments = new DeploymentReporter({
          outbox: await DatabaseDeploymentOutbox.create({ database }),
          discovery: deps.discovery,
          auth: deps.auth,
          logger: deps.logger,
        });
        tenants.onDeploymentQueued(() => deployments.wake());
        await deployments.schedule(deps.scheduler);
        const fleetUpgradeStore = await DatabaseFleetUpgradeStore.create({
          database,
        });
        const scaffolder = new ScaffolderTenantHooks({
          discovery: deps.discovery,
          auth: deps.auth,
        });
        const healthGuard = readHealthGuardConfig(deps.config);
        const runner = new FleetUpgradeRunner(
          fleetUpgradeStore,
          tenants,
          scaffolder,
          deps.logger,
          healthGuard &&
            new HealthGuard(
              healthGuard,
              new ReleaseWatchTenantHealth({
                discovery: deps.discovery,
                auth: deps.auth,
              }),
            ),
        );
        const wakeRunners = await scheduleFleetUpgrades(deps.scheduler, runner);
        deps.lifecycle.addShutdownHook(() => runner.stop());

        httpRouter.use(createHealthRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.use(
          createRouter({
            ...deps,
            tenants,
            fleetUpgradeStore,
            fleetUpgrades: new FleetUpgradeService(
              fleetUpgradeStore,
              tenants,
              wakeRunners,
            ),
            applySettings: slug => scaffolder.refreshConfig(slug),
          }),
        );
      },
    });
  },
});
