import { Caller } from '@internal/backend-plugin-utils';
import { FleetUpgrade } from '@internal/plugin-tenant-scaffolder-common';
import { FleetUpgradeService } from '../../fleet/FleetUpgradeService';
import { PermissionCheck } from '../permissionGuard';

export class CancelFleetUpgradeModel {
  constructor(
    private readonly fleetUpgrades: FleetUpgradeService,
    private readonly mayRun: PermissionCheck,
  ) {}

  /** Tenants not yet started are skipped; those running finish. */
  async cancelFleetUpgrade(id: number, caller: Caller): Promise<FleetUpgrade> {
    await this.mayRun(caller);
    return this.fleetUpgrades.cancel(id, caller.id);
  }
}
