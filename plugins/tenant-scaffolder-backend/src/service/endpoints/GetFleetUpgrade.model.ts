import { FleetUpgradeDetails } from '@internal/plugin-tenant-scaffolder-common';
import { FleetUpgradeService } from '../../fleet/FleetUpgradeService';

export class GetFleetUpgradeModel {
  constructor(private readonly fleetUpgrades: FleetUpgradeService) {}

  /** With each tenant's wave and result; 404 for an unknown id. */
  async getFleetUpgrade(id: number): Promise<FleetUpgradeDetails> {
    return this.fleetUpgrades.get(id);
  }
}
