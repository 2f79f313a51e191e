import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createApiRouter } from '@internal/backend-plugin-utils';
import {
  tenantDeletePermission,
  tenantFleetUpgradePermission,
  tenantUpdatePermission,
} from '@internal/plugin-tenant-scaffolder-common';
import { FleetUpgradeStore } from '../database/FleetUpgradeStore';
import { TenantStore } from '../database/TenantStore';
import { FleetUpgradeService } from '../fleet/FleetUpgradeService';
import { createOpenApiRouter, spec } from '../schema/openapi/generated';
import { bindCancelFleetUpgrade } from './endpoints/CancelFleetUpgrade.router';
import { CancelFleetUpgradeModel } from './endpoints/CancelFleetUpgrade.model';
import { bindDeleteTenant } from './endpoints/DeleteTenant.router';
import { DeleteTenantModel } from './endpoints/DeleteTenant.model';
import { bindGetFleetUpgrade } from './endpoints/GetFleetUpgrade.router';
import { GetFleetUpgradeModel } from './endpoints/GetFleetUpgrade.model';
import { bindGetSlugAvailability } from './endpoints/GetSlugAvailability.router';
import { GetSlugAvailabilityModel } from './endpoints/GetSlugAvailability.model';
import { bindGetTenant } from './endpoints/GetTenant.router';
import { GetTenantModel } from './endpoints/GetTenant.model';
import { bindGetTenantHistory } from './endpoints/GetTenantHistory.router';
import { GetTenantHistoryModel } from './endpoints/GetTenantHistory.model';
import { bindListFleetUpgrades } from './endpoints/ListFleetUpgrades.router';
import { ListFleetUpgradesModel } from './endpoints/ListFleetUpgrades.model';
import { bindListTenantLedger } from './endpoints/ListTenantLedger.router';
import { ListTenantLedgerModel } from './endpoints/ListTenantLedger.model';
import { bindListTenants } from './endpoints/ListTenants.router';
import { ListTenantsModel } from './endpoints/ListTenants.model';
import { bindMarkTenantResourceRemoved } from './endpoints/MarkTenantResourceRemoved.router';
import { MarkTenantResourceRemovedModel } from './endpoints/MarkTenantResourceRemoved.model';
import { bindRecordTenantResource } from './endpoints/RecordTenantResource.router';
import { RecordTenantResourceModel } from './endpoints/RecordTenantResource.model';
import { bindRecordTenantResourceRefusal } from './endpoints/RecordTenantResourceRefusal.router';
import { RecordTenantResourceRefusalModel } from './endpoints/RecordTenantResourceRefusal.model';
import { bindRegisterTenant } from './endpoints/RegisterTenant.router';
import { RegisterTenantModel } from './endpoints/RegisterTenant.model';
import { bindReportTenantStatus } from './endpoints/ReportTenantStatus.router';
import { ReportTenantStatusModel } from './endpoints/ReportTenantStatus.model';
import { bindResumeFleetUpgrade } from './endpoints/ResumeFleetUpgrade.router';
import { ResumeFleetUpgradeModel } from './endpoints/ResumeFleetUpgrade.model';
import { bindRetryFleetUpgradeTenant } from './endpoints/RetryFleetUpgradeTenant.router';
import { RetryFleetUpgradeTenantModel } from './endpoints/RetryFleetUpgradeTenant.model';
import { bindStartFleetUpgrade } from './endpoints/StartFleetUpgrade.router';
import { StartFleetUpgradeModel } from './endpoints/StartFleetUpgrade.model';
import {
  ApplySettings,
  UpdateTenantSettingsModel,
} from './endpoints/UpdateTenantSettings.model';
import { bindUpdateTenantSettings } from './endpoints/UpdateTenantSettings.router';
import { bindUpgradeTenantPlan } from './endpoints/UpgradeTenantPlan.router';
import { UpgradeTenantPlanModel } from './endpoints/UpgradeTenantPlan.model';
import { permissionGuard } from './permissionGuard';

/**
 * The tenant registry's REST API (src/schema/openapi.yaml): each operation
 * bound to its model. Who may call each is the spec's `x-callers`, checked
 * before anything reads the request; what a person decides on also asks
 * the permission policy, in the operation's model.
 */
export function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  tenants: TenantStore;
  fleetUpgradeStore: FleetUpgradeStore;
  fleetUpgrades: FleetUpgradeService;
  applySettings: ApplySettings;
}) {
  const { httpAuth, permissions, tenants, fleetUpgrades } = options;
  const router = createApiRouter({ spec, createOpenApiRouter, httpAuth });
  const mayUpdate = permissionGuard(
    permissions,
    tenantUpdatePermission,
    "You may not change tenants' settings",
  );
  const mayUpgradePlan = permissionGuard(
    permissions,
    tenantUpdatePermission,
    "You may not change tenants' plans",
  );
  const mayDelete = permissionGuard(
    permissions,
    tenantDeletePermission,
    'Only portal admins may delete tenants',
  );
  const mayRun = permissionGuard(
    permissions,
    tenantFleetUpgradePermission,
    'Only portal admins may run fleet upgrades',
  );

  bindListTenants(router, new ListTenantsModel(tenants));
  bindRegisterTenant(router, new RegisterTenantModel(tenants));
  bindGetTenant(router, new GetTenantModel(tenants));
  bindUpdateTenantSettings(
    router,
    new UpdateTenantSettingsModel(tenants, mayUpdate, options.applySettings),
  );
  bindUpgradeTenantPlan(
    router,
    new UpgradeTenantPlanModel(tenants, mayUpgradePlan),
  );
  bindDeleteTenant(router, new DeleteTenantModel(tenants, mayDelete));
  bindReportTenantStatus(router, new ReportTenantStatusModel(tenants));
  bindGetTenantHistory(router, new GetTenantHistoryModel(tenants));
  bindListTenantLedger(router, new ListTenantLedgerModel(tenants));
  bindRecordTenantResource(router, new RecordTenantResourceModel(tenants));
  bindMarkTenantResourceRemoved(
    router,
    new MarkTenantResourceRemovedModel(tenants),
  );
  bindRecordTenantResourceRefusal(
    router,
    new RecordTenantResourceRefusalModel(tenants),
  );
  bindGetSlugAvailability(router, new GetSlugAvailabilityModel(tenants));

  bindListFleetUpgrades(
    router,
    new ListFleetUpgradesModel(options.fleetUpgradeStore),
  );
  bindStartFleetUpgrade(
    router,
    new StartFleetUpgradeModel(fleetUpgrades, mayRun),
  );
  bindGetFleetUpgrade(router, new GetFleetUpgradeModel(fleetUpgrades));
  bindResumeFleetUpgrade(
    router,
    new ResumeFleetUpgradeModel(fleetUpgrades, mayRun),
  );
  bindCancelFleetUpgrade(
    router,
    new CancelFleetUpgradeModel(fleetUpgrades, mayRun),
  );
  bindRetryFleetUpgradeTenant(
    router,
    new RetryFleetUpgradeTenantModel(fleetUpgrades, mayRun),
  );
  return router;
}
