import { databaseNowSql, migratedClient } from '@internal/backend-plugin-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  FleetUpgrade,
  FleetUpgradeCounts,
  FleetUpgradeDetails,
  FleetUpgradeOptions,
  FleetUpgradeStatus,
  FleetUpgradeTenant,
  FleetUpgradeTenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';

const PACKAGE = '@internal/plugin-tenant-scaffolder-backend';
const UPGRADES = 'fleet_upgrades';
const TENANTS = 'fleet_upgrade_tenants';
const ACTIVE = 'active';

type UpgradeRow = {
  id: number;
  version: string;
  status: FleetUpgradeStatus;
  reason: string | null;
  options: string;
  current_wave: number;
  wave_count: number;
  created_by: string;
  created_at_ms: string | number;
  updated_at_ms: string | number;
  finished_at_ms: string | number | null;
};

type TenantRow = {
  upgrade_id: number;
  slug: string;
  wave: number;
  position: number;
  status: FleetUpgradeTenantStatus;
  from_version: string;
  attempts: number;
  error: string | null;
  started_at_ms: string | number | null;
  finished_at_ms: string | number | null;
};

export type PlannedTenant = { slug: string; fromVersion: string; wave: number };

/** A tenant waiting to be upgraded, with what the runner needs to run it. */
export type RunnableTenant = {
  upgradeId: number;
  slug: string;
  version: string;
  actor: string;
  concurrency: number;
};

/**
 * Fleet upgrades and each tenant's part in them. Only one upgrade is
 * active (running or paused) at a time, enforced by a unique column so two
 * replicas cannot both start one. Tenants are claimed with a conditional
 * update, so each attempt runs once whichever replica picks it up.
 */
export class FleetUpgradeStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<FleetUpgradeStore> {
    return new FleetUpgradeStore(
      await migratedClient(options.database, PACKAGE),
    );
  }

  private readonly now: string;
  private readonly isPostgres: boolean;

  private constructor(private readonly db: Knex) {
    this.now = databaseNowSql(db);
    this.isPostgres = String(db.client.config.client) === 'pg';
  }

  async create(input: {
    version: string;
    options: FleetUpgradeOptions;
    createdBy: string;
    tenants: PlannedTenant[];
  }): Promise<FleetUpgradeDetails> {
    const waveCount = Math.max(0, ...input.tenants.map(t => t.wave + 1));
    const empty = input.tenants.length === 0;
    const id = await this.db.transaction(async tx => {
      const [row] = await tx(UPGRADES)
        .insert({
          version: input.version,
          status: empty ? 'completed' : 'running',
          active: empty ? null : ACTIVE,
          reason: empty ? 'no ready tenant runs another version' : null,
          options: JSON.stringify(input.options),
          current_wave: 0,
          wave_count: waveCount,
          created_by: input.createdBy,
          created_at_ms: tx.raw(this.now),
          updated_at_ms: tx.raw(this.now),
          finished_at_ms: empty ? tx.raw(this.now) : null,
        })
        .onConflict('active')
        .ignore()
        .returning('id');
      if (!row) {
        const active: UpgradeRow = await tx(UPGRADES)
          .where({ active: ACTIVE })
          .first();
        throw new ConflictError(
          `Fleet upgrade ${active.id} to ${active.version} is ${active.status}: resume or cancel it first`,
        );
      }
      const upgradeId = typeof row === 'object' ? row.id : row;
      // Chunked: SQLite allows a limited number of bound variables per statement.
      const rows = input.tenants.map((tenant, position) => ({
        upgrade_id: upgradeId,
        slug: tenant.slug,
        wave: tenant.wave,
        position,
        status: 'pending',
        from_version: tenant.fromVersion,
        attempts: 0,
      }));
      await tx.batchInsert(TENANTS, rows, 100);
      return upgradeId as number;
    });
    return (await this.get(id))!;
  }

  async get(id: number): Promise<FleetUpgradeDetails | undefined> {
    const row: UpgradeRow | undefined = await this.db(UPGRADES)
      .where({ id })
      .first();
    if (!row) return undefined;
    const tenants: TenantRow[] = await this.db(TENANTS)
      .where({ upgrade_id: id })
      .orderBy('position');
    const [counts] = await this.counts([id]);
    return {
      ...toUpgrade(row, counts.counts),
      tenants: tenants.map(toTenant),
    };
  }

  async getTenant(
    id: number,
    slug: string,
  ): Promise<FleetUpgradeTenant | undefined> {
    const row: TenantRow | undefined = await this.db(TENANTS)
      .where({ upgrade_id: id, slug })
      .first();
    return row && toTenant(row);
  }

  /** Newest first. */
  async list(limit: number): Promise<FleetUpgrade[]> {
    const rows: UpgradeRow[] = await this.db(UPGRADES)
      .orderBy('id', 'desc')
      .limit(limit);
    const counts = await this.counts(rows.map(row => row.id));
    return rows.map(row =>
      toUpgrade(row, counts.find(c => c.id === row.id)!.counts),
    );
  }

  /**
   * Moves an upgrade from one of `from` to `to`; undefined when it was in
   * none of them (someone else moved it first).
   */
  async transition(
    id: number,
    from: FleetUpgradeStatus[],
    to: FleetUpgradeStatus,
    changes: { reason?: string | null; currentWave?: number } = {},
    /** Only when the upgrade is still on this wave (two runners closing one wave). */
    onWave?: number,
  ): Promise<FleetUpgrade | undefined> {
    const finished = to === 'completed' || to === 'cancelled';
    return this.db.transaction(async tx => {
      const updated = await tx(UPGRADES)
        .where({ id })
        .where(onWave === undefined ? {} : { current_wave: onWave })
        .whereIn('status', from)
        .update({
          status: to,
          active: finished ? null : ACTIVE,
          ...(changes.reason !== undefined ? { reason: changes.reason } : {}),
          ...(changes.currentWave !== undefined
            ? { current_wave: changes.currentWave }
            : {}),
          updated_at_ms: tx.raw(this.now),
          finished_at_ms: finished ? tx.raw(this.now) : null,
        });
      if (updated === 0) return undefined;
      if (to === 'cancelled') {
        await tx(TENANTS)
          .where({ upgrade_id: id, status: 'pending' })
          .update({ status: 'skipped', finished_at_ms: tx.raw(this.now) });
      }
      const row: UpgradeRow = await tx(UPGRADES).where({ id }).first();
      return toUpgrade(row, (await this.counts([id], tx))[0].counts);
    });
  }

  /**
   * Pending tenants that may run now: those of a running upgrade's current
   * wave or earlier, and retries (a pending tenant with attempts behind it)
   * whatever their upgrade's state.
   */
  async runnable(): Promise<RunnableTenant[]> {
    const rows: Array<{
      upgrade_id: number;
      slug: string;
      version: string;
      created_by: string;
      options: string;
    }> = await this.db(`${TENANTS} as t`)
      .join(`${UPGRADES} as u`, 'u.id', 't.upgrade_id')
      .where('t.status', 'pending')
      .andWhere(q =>
        q
          .where(running =>
            running
              .where('u.status', 'running')
              .andWhere('t.wave', '<=', this.db.ref('u.current_wave')),
          )
          .orWhere('t.attempts', '>', 0),
      )
      .orderBy(['t.upgrade_id', 't.position'])
      .select(
        't.upgrade_id',
        't.slug',
        'u.version',
        'u.created_by',
        'u.options',
      );
    return rows.map(row => ({
      upgradeId: row.upgrade_id,
      slug: row.slug,
      version: row.version,
      actor: row.created_by,
      concurrency: (JSON.parse(row.options) as FleetUpgradeOptions).concurrency,
    }));
  }

  /**
   * Pending to running, once, leased for `leaseMs`, while fewer than the
   * upgrade's concurrency run (across every replica's runner): false when
   * another runner took it, it was skipped, or the upgrade is at its
   * concurrency.
   */
  async claim(id: number, slug: string, leaseMs: number): Promise<boolean> {
    const upgrade: UpgradeRow | undefined = await this.db(UPGRADES)
      .where({ id })
      .first();
    if (!upgrade) return false;
    const { concurrency } = JSON.parse(upgrade.options) as FleetUpgradeOptions;
    const claimIn = async (db: Knex | Knex.Transaction) => {
      const updated = await db(TENANTS)
        .where({ upgrade_id: id, slug, status: 'pending' })
        .whereRaw(
          `(select count(*) from ${TENANTS} where upgrade_id = ? and status = 'running') < ?`,
          [id, concurrency],
        )
        .update({
          status: 'running',
          attempts: db.raw('attempts + 1'),
          error: null,
          started_at_ms: db.raw(this.now),
          finished_at_ms: null,
          lease_until_ms: db.raw(`${this.now} + ?`, [leaseMs]),
        });
      return updated === 1;
    };
    // SQLite runs one statement at a time, so the count in the statement
    // holds. PostgreSQL's replicas claim side by side: one claim of an
    // upgrade at a time, under a lock on its row.
    if (!this.isPostgres) return claimIn(this.db);
    return this.db.transaction(async tx => {
      await tx(UPGRADES).where({ id }).forUpdate().first();
      return claimIn(tx);
    });
  }

  /** Extends a running tenant's lease; false when it is no longer held. */
  async renewLease(
    id: number,
    slug: string,
    leaseMs: number,
  ): Promise<boolean> {
    const updated = await this.db(TENANTS)
      .where({ upgrade_id: id, slug, status: 'running' })
      .where('lease_until_ms', '>', this.db.raw(this.now))
      .update({ lease_until_ms: this.db.raw(`${this.now} + ?`, [leaseMs]) });
    return updated === 1;
  }

  async finishTenant(
    id: number,
    slug: string,
    result: { error?: string },
  ): Promise<void> {
    await this.db(TENANTS)
      .where({ upgrade_id: id, slug, status: 'running' })
      .update({
        status: result.error === undefined ? 'succeeded' : 'failed',
        error: result.error?.slice(0, 1000) ?? null,
        finished_at_ms: this.db.raw(this.now),
        lease_until_ms: null,
      });
  }

  /** A failed tenant back to pending, to run again alone. */
  async requeueFailed(id: number, slug: string): Promise<boolean> {
    const updated = await this.db(TENANTS)
      .where({ upgrade_id: id, slug, status: 'failed' })
      .update({ status: 'pending', error: null, finished_at_ms: null });
    return updated === 1;
  }

  /**
   * After a runner died: what it was running, once its lease ran out, is
   * pending again. A live runner renews its leases, so its tenants stay.
   */
  async requeueInterrupted(): Promise<number> {
    return this.db(TENANTS)
      .where({ status: 'running' })
      .where(expired =>
        expired
          .whereNull('lease_until_ms')
          .orWhere('lease_until_ms', '<=', this.db.raw(this.now)),
      )
      .update({ status: 'pending', started_at_ms: null, lease_until_ms: null });
  }

  /** Running upgrades whose current wave has nothing left pending or running. */
  async finishedWaves(): Promise<
    Array<{ upgrade: FleetUpgrade; total: number; failed: number }>
  > {
    const rows: UpgradeRow[] = await this.db(UPGRADES)
      .where({ status: 'running' })
      .whereNotExists(
        this.db(TENANTS)
          .whereRaw('upgrade_id = fleet_upgrades.id')
          .whereRaw('wave <= fleet_upgrades.current_wave')
          .whereIn('status', ['pending', 'running']),
      );
    const result = [];
    for (const row of rows) {
      const inWave: Array<{ status: FleetUpgradeTenantStatus; n: unknown }> =
        await this.db(TENANTS)
          .where({ upgrade_id: row.id, wave: row.current_wave })
          .groupBy('status')
          .select('status')
          .count('* as n');
      const count = (status: FleetUpgradeTenantStatus) =>
        Number(inWave.find(r => r.status === status)?.n ?? 0);
      result.push({
        upgrade: toUpgrade(row, (await this.counts([row.id]))[0].counts),
        total: count('succeeded') + count('failed'),
        failed: count('failed'),
      });
    }
    return result;
  }

  private async counts(
    ids: number[],
    db: Knex = this.db,
  ): Promise<Array<{ id: number; counts: FleetUpgradeCounts }>> {
    const rows: Array<{
      upgrade_id: number;
      status: FleetUpgradeTenantStatus;
      n: unknown;
    }> = ids.length
      ? await db(TENANTS)
          .whereIn('upgrade_id', ids)
          .groupBy('upgrade_id', 'status')
          .select('upgrade_id', 'status')
          .count('* as n')
      : [];
    return ids.map(id => {
      const counts: FleetUpgradeCounts = {
        total: 0,
        pending: 0,
        running: 0,
        succeeded: 0,
        failed: 0,
        skipped: 0,
      };
      for (const row of rows.filter(r => r.upgrade_id === id)) {
        counts[row.status] = Number(row.n);
        counts.total += Number(row.n);
      }
      return { id, counts };
    });
  }
}

function time(value: string | number | null): string | null {
  return value === null ? null : new Date(Number(value)).toISOString();
}

function toUpgrade(row: UpgradeRow, counts: FleetUpgradeCounts): FleetUpgrade {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    reason: row.reason,
    options: JSON.parse(row.options),
    currentWave: row.current_wave,
    waveCount: row.wave_count,
    counts,
    createdBy: row.created_by,
    createdAt: time(row.created_at_ms)!,
    updatedAt: time(row.updated_at_ms)!,
    finishedAt: time(row.finished_at_ms),
  };
}

function toTenant(row: TenantRow): FleetUpgradeTenant {
  return {
    slug: row.slug,
    wave: row.wave,
    status: row.status,
    fromVersion: row.from_version,
    attempts: row.attempts,
    error: row.error,
    startedAt: time(row.started_at_ms),
    finishedAt: time(row.finished_at_ms),
  };
}
