import { FleetUpgrade } from '@internal/plugin-tenant-scaffolder-common';
import { FleetUpgradeStore } from '../../database/FleetUpgradeStore';

export class ListFleetUpgradesModel {
  constructor(private readonly store: FleetUpgradeStore) {}

  /** Newest first. */
  async listFleetUpgrades(limit: number): Promise<FleetUpgrade[]> {
    return this.store.list(limit);
  }
}
