import { Caller } from '@internal/backend-plugin-utils';
import { FleetUpgradeDetails } from '@internal/plugin-tenant-scaffolder-common';
import { FleetUpgradeService } from '../../fleet/FleetUpgradeService';
import { PermissionCheck } from '../permissionGuard';

export class StartFleetUpgradeModel {
  constructor(
    private readonly fleetUpgrades: FleetUpgradeService,
    private readonly mayRun: PermissionCheck,
  ) {}

  /** Checked after the permission, so that a refused caller learns nothing of the request. */
  async startFleetUpgrade(
    request: unknown,
    caller: Caller,
  ): Promise<FleetUpgradeDetails> {
    await this.mayRun(caller);
    return this.fleetUpgrades.start(request, caller.id);
  }
}
