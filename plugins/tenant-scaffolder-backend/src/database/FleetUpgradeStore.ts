import {
  FleetUpgrade,
  FleetUpgradeDetails,
  FleetUpgradeOptions,
  FleetUpgradeStatus,
  FleetUpgradeTenant,
} from '@internal/plugin-tenant-scaffolder-common';

export type PlannedTenant = { slug: string; fromVersion: string; wave: number };

export type NewFleetUpgrade = {
  version: string;
  options: FleetUpgradeOptions;
  createdBy: string;
  tenants: PlannedTenant[];
  /** Stored completed at once, for this reason, instead of running. */
  completedBecause?: string;
};

/** What a transition writes besides the status. */
export type FleetUpgradeChanges = {
  reason?: string | null;
  currentWave?: number;
  /** The tenants not yet started are skipped. */
  skipPending?: boolean;
};

/** A tenant waiting to be upgraded, with what the runner needs to run it. */
export type RunnableTenant = {
  upgradeId: number;
  slug: string;
  version: string;
  actor: string;
  concurrency: number;
};

/** A running upgrade's wave with nothing left pending or running, and how it went. */
export type FinishedWave = {
  upgrade: FleetUpgrade;
  total: number;
  failed: number;
  /**
   * When the wave is soaking (the health guard's wait): when it finished,
   * and how long is left by the database's clock (0 or less: over).
   */
  soak?: { since: Date; remainingMs: number };
};

/**
 * Fleet upgrades and each tenant's part in them. Only one upgrade is
 * active (running or paused) at a time, whichever replica starts it.
 * Tenants are claimed under a lease, so each attempt runs once whichever
 * replica's runner picks it up.
 */
export interface FleetUpgradeStore {
  /** Undefined when another upgrade is active. */
  create(upgrade: NewFleetUpgrade): Promise<FleetUpgradeDetails | undefined>;
  get(id: number): Promise<FleetUpgradeDetails | undefined>;
  /** The running or paused upgrade, if there is one. */
  active(): Promise<FleetUpgrade | undefined>;
  getTenant(id: number, slug: string): Promise<FleetUpgradeTenant | undefined>;
  /** Newest first. */
  list(limit: number): Promise<FleetUpgrade[]>;

  /**
   * Moves an upgrade from one of `from` to `to`; undefined when it was in
   * none of them (someone else moved it first).
   */
  transition(
    id: number,
    from: FleetUpgradeStatus[],
    to: FleetUpgradeStatus,
    changes?: FleetUpgradeChanges,
    /** Only when the upgrade is still on this wave (two runners closing one wave). */
    onWave?: number,
  ): Promise<FleetUpgrade | undefined>;

  /**
   * Pending tenants that may run now: those of a running upgrade's current
   * wave or earlier, and retries (a pending tenant with attempts behind it)
   * whatever their upgrade's state.
   */
  runnable(): Promise<RunnableTenant[]>;
  /**
   * Pending to running, once, leased for `leaseMs`, while fewer than the
   * upgrade's concurrency run (across every replica's runner): false when
   * another runner took it, it was skipped, or the upgrade is at its
   * concurrency.
   */
  claim(id: number, slug: string, leaseMs: number): Promise<boolean>;
  /** Extends a running tenant's lease; false when it is no longer held. */
  renewLease(id: number, slug: string, leaseMs: number): Promise<boolean>;
  finishTenant(
    id: number,
    slug: string,
    result: { error?: string },
  ): Promise<void>;
  /** A failed tenant back to pending, to run again alone. */
  requeueFailed(id: number, slug: string): Promise<boolean>;
  /**
   * After a runner died: what it was running, once its lease ran out, is
   * pending again. A live runner renews its leases, so its tenants stay.
   */
  requeueInterrupted(): Promise<number>;
  /** Running upgrades whose current wave has nothing left pending or running. */
  finishedWaves(): Promise<FinishedWave[]>;
  /**
   * Starts the soak of a running upgrade's finished wave `wave`, for
   * `soakMs` from now, once: false when it is soaking already, or the
   * upgrade moved on.
   */
  startSoak(id: number, wave: number, soakMs: number): Promise<boolean>;
}
