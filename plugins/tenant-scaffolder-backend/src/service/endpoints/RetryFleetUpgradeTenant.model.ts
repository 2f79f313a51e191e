import { Caller } from '@internal/backend-plugin-utils';
import { FleetUpgradeTenant } from '@internal/plugin-tenant-scaffolder-common';
import { FleetUpgradeService } from '../../fleet/FleetUpgradeService';
import { PermissionCheck } from '../permissionGuard';

export class RetryFleetUpgradeTenantModel {
  constructor(
    private readonly fleetUpgrades: FleetUpgradeService,
    private readonly mayRun: PermissionCheck,
  ) {}

  /** Runs a failed tenant again, alone, whatever state its upgrade is in. */
  async retryFleetUpgradeTenant(
    id: number,
    slug: string,
    caller: Caller,
  ): Promise<FleetUpgradeTenant> {
    await this.mayRun(caller);
    return this.fleetUpgrades.retry(id, slug);
  }
}
