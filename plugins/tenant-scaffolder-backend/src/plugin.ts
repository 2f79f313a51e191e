import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { tenantScaffolderPermissions } from '@internal/plugin-tenant-scaffolder-common';
import { DatabaseTenantStore } from './database/DatabaseTenantStore';
import { FleetUpgradeStore } from './database/FleetUpgradeStore';
import { FleetUpgradeRunner } from './fleet/FleetUpgradeRunner';
import { FleetUpgradeService } from './fleet/FleetUpgradeService';
import { ScaffolderTenantHooks } from './scaffolder/ScaffolderTenantHooks';
import { createFleetUpgradesRouter } from './service/fleetUpgradesRouter';
import { createHealthRouter } from './service/healthRouter';
import { createTenantsRouter } from './service/tenantsRouter';
import { TenantRegistry } from './service/TenantRegistry';

const FLEET_UPGRADE_TASK = 'tenant-fleet-upgrade';

export const tenantScaffolderPlugin = createBackendPlugin({
  pluginId: 'tenant-scaffolder',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
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
        const { database, httpAuth, httpRouter, permissions } = deps;
        deps.permissionsRegistry.addPermissions(tenantScaffolderPermissions);

        const tenants = await DatabaseTenantStore.create({ database });
        const scaffolder = new ScaffolderTenantHooks({
          discovery: deps.discovery,
          auth: deps.auth,
        });
        const registry = new TenantRegistry(tenants, {
          applySettings: slug => scaffolder.refreshConfig(slug),
        });
        httpRouter.use(
          await createTenantsRouter({ httpAuth, permissions, registry }),
        );

        const fleetUpgradeStore = await FleetUpgradeStore.create({ database });
        const runner = new FleetUpgradeRunner(
          fleetUpgradeStore,
          tenants,
          scaffolder,
          deps.logger,
        );
        const fleetUpgrades = new FleetUpgradeService(
          fleetUpgradeStore,
          tenants,
          () => {
            runner.wake();
            // Refused while a run is in progress, which then looks again.
            deps.scheduler.triggerTask(FLEET_UPGRADE_TASK).catch(() => {});
          },
        );
        httpRouter.use(
          createFleetUpgradesRouter({ httpAuth, permissions, fleetUpgrades }),
        );
        // Every replica runs fleet upgrades: tenant leases, not the
        // scheduler's lock, keep two runners apart, so a replica that dies
        // mid-wave holds nothing up for longer than a lease.
        await deps.scheduler.scheduleTask({
          id: FLEET_UPGRADE_TASK,
          frequency: { seconds: 10 },
          timeout: { hours: 2 },
          scope: 'local',
          fn: () => runner.run(),
        });
        httpRouter.use(createHealthRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
