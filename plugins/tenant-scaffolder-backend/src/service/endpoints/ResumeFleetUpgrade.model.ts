import { Caller } from '@internal/backend-plugin-utils';
import { FleetUpgrade } from '@internal/plugin-tenant-scaffolder-common';
import { FleetUpgradeService } from '../../fleet/FleetUpgradeService';
import { PermissionCheck } from '../permissionGuard';

export class ResumeFleetUpgradeModel {
  constructor(
    private readonly fleetUpgrades: FleetUpgradeService,
    private readonly mayRun: PermissionCheck,
  ) {}

  /** A paused upgrade goes on with its next wave. */
  async resumeFleetUpgrade(id: number, caller: Caller): Promise<FleetUpgrade> {
    await this.mayRun(caller);
    return this.fleetUpgrades.resume(id);
  }
}
