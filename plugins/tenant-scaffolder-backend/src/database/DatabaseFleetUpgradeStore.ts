import { DatabaseService } from '@backstage/backend-plugin-api';
import { migratedClient } from '@internal/backend-plugin-utils';
import { FleetUpgradeStatus } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import {
  FleetUpgradeChanges,
  FleetUpgradeStore,
  NewFleetUpgrade,
} from './FleetUpgradeStore';
import { claimFleetUpgradeTenant } from './operations/fleetUpgrades/claimFleetUpgradeTenant';
import { finishFleetUpgradeTenant } from './operations/fleetUpgrades/finishFleetUpgradeTenant';
import { insertFleetUpgrade } from './operations/fleetUpgrades/insertFleetUpgrade';
import { listFinishedWaves } from './operations/fleetUpgrades/listFinishedWaves';
import { listFleetUpgrades } from './operations/fleetUpgrades/listFleetUpgrades';
import { listRunnableTenants } from './operations/fleetUpgrades/listRunnableTenants';
import { readActiveFleetUpgrade } from './operations/fleetUpgrades/readActiveFleetUpgrade';
import { readFleetUpgrade } from './operations/fleetUpgrades/readFleetUpgrade';
import { readFleetUpgradeTenant } from './operations/fleetUpgrades/readFleetUpgradeTenant';
import { renewFleetUpgradeLease } from './operations/fleetUpgrades/renewFleetUpgradeLease';
import { requeueFailedTenant } from './operations/fleetUpgrades/requeueFailedTenant';
import { requeueInterruptedTenants } from './operations/fleetUpgrades/requeueInterruptedTenants';
import { startWaveSoak } from './operations/fleetUpgrades/startWaveSoak';
import { transitionFleetUpgrade } from './operations/fleetUpgrades/transitionFleetUpgrade';

const PACKAGE = '@internal/plugin-tenant-scaffolder-backend';

/**
 * Fleet upgrades on the backend's database, one operation of
 * `operations/fleetUpgrades` a method. The one active upgrade is a unique
 * column, so two replicas cannot both start one; tenants are claimed with a
 * conditional update.
 */
export class DatabaseFleetUpgradeStore implements FleetUpgradeStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseFleetUpgradeStore> {
    return new DatabaseFleetUpgradeStore(
      await migratedClient(options.database, PACKAGE),
    );
  }

  private constructor(private readonly db: Knex) {}

  async create(upgrade: NewFleetUpgrade) {
    const id = await insertFleetUpgrade(this.db, upgrade);
    return id === undefined ? undefined : this.get(id);
  }

  async get(id: number) {
    return readFleetUpgrade(this.db, id);
  }

  async active() {
    return readActiveFleetUpgrade(this.db);
  }

  async getTenant(id: number, slug: string) {
    return readFleetUpgradeTenant(this.db, id, slug);
  }

  async list(limit: number) {
    return listFleetUpgrades(this.db, limit);
  }

  async transition(
    id: number,
    from: FleetUpgradeStatus[],
    to: FleetUpgradeStatus,
    changes: FleetUpgradeChanges = {},
    onWave?: number,
  ) {
    return transitionFleetUpgrade(this.db, { id, from, to, changes, onWave });
  }

  async runnable() {
    return listRunnableTenants(this.db);
  }

  async claim(id: number, slug: string, leaseMs: number) {
    return claimFleetUpgradeTenant(this.db, { id, slug, leaseMs });
  }

  async renewLease(id: number, slug: string, leaseMs: number) {
    return renewFleetUpgradeLease(this.db, { id, slug, leaseMs });
  }

  async finishTenant(id: number, slug: string, result: { error?: string }) {
    await finishFleetUpgradeTenant(this.db, id, slug, result);
  }

  async requeueFailed(id: number, slug: string) {
    return requeueFailedTenant(this.db, id, slug);
  }

  async requeueInterrupted() {
    return requeueInterruptedTenants(this.db);
  }

  async finishedWaves() {
    return listFinishedWaves(this.db);
  }

  async startSoak(id: number, wave: number, soakMs: number) {
    return startWaveSoak(this.db, { id, wave, soakMs });
  }
}
