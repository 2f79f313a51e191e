import { databaseNowSql, migratedClient } from '@internal/backend-plugin-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  TenantLedgerEntry,
  TenantPlan,
  TenantSettings,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { changedPaths } from './changedPaths';
import {
  LedgerSummary,
  NewLedgerEntry,
  NewStoredTenant,
  SecretChanges,
  StoredTenant,
  TenantFilter,
  TenantHistoryAction,
  TenantHistoryEntry,
  TenantStore,
} from './TenantStore';

/** Whose migrations/ folder holds this store's tables. */
const PACKAGE = '@internal/plugin-tenant-scaffolder-backend';

const TENANTS = 'tenants';
const SECRETS = 'tenant_secrets';
const LEDGER = 'tenant_ledger';
const HISTORY = 'tenant_history';

type TenantRow = {
  slug: string;
  name: string;
  plan_kind: TenantPlan['kind'];
  trial_ends_on: string | null;
  region: string;
  status: TenantStatus;
  version: string;
  settings: string;
  owner: string;
  provisioning_task: string | null;
  created_at_ms: string | number;
  updated_at_ms: string | number;
  revision: string | number;
};

type LedgerRow = {
  id: number;
  slug: string;
  step: string;
  resource_type: string;
  resource_id: string;
  details: string;
  created_at_ms: string | number;
  removed_at_ms: string | number | null;
};

/** What a change to a tenant row writes and how its history tells it; undefined changes nothing. */
type TenantChange =
  | {
      columns: Partial<TenantRow>;
      action: TenantHistoryAction;
      detail: string;
      secrets?: SecretChanges;
    }
  | undefined;

export class DatabaseTenantStore implements TenantStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseTenantStore> {
    return new DatabaseTenantStore(
      await migratedClient(options.database, PACKAGE),
    );
  }

  private readonly now: string;

  private constructor(private readonly db: Knex) {
    this.now = databaseNowSql(db);
  }

  async create(
    tenant: NewStoredTenant,
    options: { actor: string; secrets?: SecretChanges },
  ): Promise<StoredTenant> {
    const { slug } = tenant;
    return this.db.transaction(async tx => {
      const inserted = await tx(TENANTS)
        .insert({
          slug,
          name: tenant.name,
          ...planColumns(tenant.plan),
          region: tenant.region,
          status: 'provisioning',
          version: tenant.version,
          settings: JSON.stringify(tenant.settings),
          owner: tenant.owner,
          provisioning_task: tenant.provisioningTask ?? null,
          created_at_ms: tx.raw(this.now),
          updated_at_ms: tx.raw(this.now),
          revision: 1,
        })
        .onConflict('slug')
        .ignore()
        .returning('slug');
      if (inserted.length === 0) {
        const existing: TenantRow = await tx(TENANTS).where({ slug }).first();
        throw new ConflictError(
          existing.status === 'deleted'
            ? `The slug '${slug}' belonged to a deleted tenant; slugs are never reused`
            : `The slug '${slug}' is taken by the tenant '${existing.name}'`,
        );
      }
      const detail = [
        `${tenant.name}, ${describePlan(tenant.plan)}, ${
          tenant.region
        }, owned by ${tenant.owner}`,
        ...(await this.writeSecrets(tx, slug, options.secrets)),
      ].join('; ');
      await this.record(tx, slug, options.actor, 'created', detail);
      return (await this.read(tx, slug))!;
    });
  }

  async get(slug: string): Promise<StoredTenant | undefined> {
    return this.read(this.db, slug);
  }

  async list(filter: TenantFilter = {}): Promise<StoredTenant[]> {
    const matching = () => {
      const query = this.db(TENANTS);
      if (filter.status) query.where('status', filter.status);
      if (filter.plan) query.where('plan_kind', filter.plan);
      return query;
    };
    const rows: TenantRow[] = await matching().orderBy('slug');
    const secrets: Array<{ slug: string; name: string }> = await this.db(
      SECRETS,
    )
      .whereIn('slug', matching().select('slug'))
      .orderBy('name')
      .select('slug', 'name');
    return rows.map(row =>
      toTenant(
        row,
        secrets.filter(secret => secret.slug === row.slug).map(s => s.name),
      ),
    );
  }

  async isSlugTaken(slug: string): Promise<boolean> {
    const row = await this.db(TENANTS).where({ slug }).first('slug');
    return row !== undefined;
  }

  async updateSettings(
    slug: string,
    settings: TenantSettings,
    options: {
      actor: string;
      expectedRevision?: number;
      secrets?: SecretChanges;
    },
  ): Promise<StoredTenant> {
    const { actor, expectedRevision, secrets } = options;
    return this.change(slug, actor, current => {
      assertEditable(current);
      if (
        expectedRevision !== undefined &&
        expectedRevision !== current.revision
      ) {
        throw new ConflictError(
          `'${slug}' was changed since revision ${expectedRevision} (it is at revision ${current.revision}): reload it and apply your change again`,
        );
      }
      const changed = changedPaths(current.settings, settings);
      return {
        columns: { settings: JSON.stringify(settings) },
        action: 'settings-updated',
        detail: changed.length
          ? `changed ${changed.join(', ')}`
          : 'no setting changed',
        secrets,
      };
    });
  }

  async setStatus(
    slug: string,
    status: TenantStatus,
    options: { actor: string; detail?: string },
  ): Promise<StoredTenant> {
    return this.change(slug, options.actor, current => {
      if (current.status === status) return undefined;
      if (status === 'deleted' && current.status !== 'deleting') {
        throw new ConflictError(
          `'${slug}' is ${current.status}: only a tenant being deleted can be marked deleted`,
        );
      }
      const transition = `${current.status} → ${status}`;
      return {
        columns: { status },
        action: 'status-changed',
        detail: options.detail
          ? `${transition}: ${options.detail}`
          : transition,
      };
    });
  }

  async upgradePlan(
    slug: string,
    options: { actor: string },
  ): Promise<StoredTenant> {
    return this.change(slug, options.actor, current => {
      assertEditable(current);
      if (current.plan.kind === 'paid') {
        throw new ConflictError(`'${slug}' is on the paid plan already`);
      }
      return {
        columns: planColumns({ kind: 'paid' }),
        action: 'plan-upgraded',
        detail: `${describePlan(current.plan)} → paid`,
      };
    });
  }

  async setVersion(
    slug: string,
    version: string,
    options: { actor: string },
  ): Promise<StoredTenant> {
    return this.change(slug, options.actor, current => {
      if (current.version === version) return undefined;
      return {
        columns: { version },
        action: 'version-changed',
        detail: `${current.version || '(none)'} → ${version}`,
      };
    });
  }

  async setSecret(
    slug: string,
    name: string,
    value: string | null,
    options: { actor: string },
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await this.readForChange(tx, slug);
      const [detail] = await this.writeSecrets(tx, slug, { [name]: value });
      await this.record(tx, slug, options.actor, 'secret-changed', detail);
    });
  }

  async getSecret(slug: string, name: string): Promise<string | undefined> {
    const row = await this.db(SECRETS).where({ slug, name }).first('value');
    return row?.value;
  }

  async recordResource(
    entry: NewLedgerEntry,
    options: { actor: string },
  ): Promise<{ entry: TenantLedgerEntry; recorded: boolean }> {
    const { slug } = entry;
    const key = {
      slug,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
    };
    return this.db.transaction(async tx => {
      const tenant = await this.readForChange(tx, slug);
      assertNotDeleted(tenant);
      const existing: LedgerRow | undefined = await tx(LEDGER)
        .where(key)
        .first();
      if (existing && existing.removed_at_ms === null) {
        return { entry: toLedgerEntry(existing), recorded: false };
      }
      const columns = {
        step: entry.step,
        details: JSON.stringify(entry.details),
        created_at_ms: tx.raw(this.now),
        removed_at_ms: null,
      };
      if (existing) {
        await tx(LEDGER).where({ id: existing.id }).update(columns);
      } else {
        const inserted = await tx(LEDGER)
          .insert({ ...key, ...columns })
          .onConflict(['slug', 'resource_type', 'resource_id'])
          .ignore()
          .returning('id');
        if (inserted.length === 0) {
          // Recorded by a concurrent call.
          const row: LedgerRow = await tx(LEDGER).where(key).first();
          return { entry: toLedgerEntry(row), recorded: false };
        }
      }
      const row: LedgerRow = await tx(LEDGER).where(key).first();
      await this.record(
        tx,
        slug,
        options.actor,
        'resource-recorded',
        describeResource(row),
      );
      return { entry: toLedgerEntry(row), recorded: true };
    });
  }

  async listLedger(
    slug: string,
    options: { includeRemoved?: boolean } = {},
  ): Promise<TenantLedgerEntry[]> {
    const query = this.db(LEDGER).where({ slug }).orderBy('id');
    if (!options.includeRemoved) query.whereNull('removed_at_ms');
    const rows: LedgerRow[] = await query;
    return rows.map(toLedgerEntry);
  }

  async ledgerSummary(slug: string): Promise<LedgerSummary> {
    const row = await this.db(LEDGER)
      .where({ slug })
      .first(
        this.db.raw('count(*) as total'),
        this.db.raw('count(removed_at_ms) as removed'),
      );
    const total = Number(row?.total ?? 0);
    const removed = Number(row?.removed ?? 0);
    return { live: total - removed, removed };
  }

  async markResourceRemoved(
    slug: string,
    id: number,
    options: { actor: string },
  ): Promise<TenantLedgerEntry | undefined> {
    return this.withLedgerRow(slug, id, async (tx, row) => {
      if (row.removed_at_ms !== null) return toLedgerEntry(row);
      await tx(LEDGER)
        .where({ id })
        .update({ removed_at_ms: tx.raw(this.now) });
      await this.record(
        tx,
        slug,
        options.actor,
        'resource-removed',
        describeResource(row),
      );
      return toLedgerEntry(await tx(LEDGER).where({ id }).first());
    });
  }

  async recordRefusal(
    slug: string,
    id: number,
    options: { actor: string; reason: string },
  ): Promise<TenantLedgerEntry | undefined> {
    return this.withLedgerRow(slug, id, async (tx, row) => {
      await this.record(
        tx,
        slug,
        options.actor,
        'resource-refused',
        `${describeResource(row)}: ${options.reason}`,
      );
      return toLedgerEntry(row);
    });
  }

  /** Runs `change` on the tenant's ledger row in a transaction; undefined when there is none. */
  private async withLedgerRow(
    slug: string,
    id: number,
    change: (
      tx: Knex.Transaction,
      row: LedgerRow,
    ) => Promise<TenantLedgerEntry>,
  ): Promise<TenantLedgerEntry | undefined> {
    return this.db.transaction(async tx => {
      const row: LedgerRow | undefined = await tx(LEDGER)
        .where({ slug, id })
        .first();
      return row ? change(tx, row) : undefined;
    });
  }

  async history(slug: string, limit: number): Promise<TenantHistoryEntry[]> {
    const rows = await this.db(HISTORY)
      .where({ slug })
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(row => ({
      id: Number(row.id),
      at: new Date(Number(row.at_ms)).toISOString(),
      actor: row.actor,
      action: row.action,
      detail: row.detail,
    }));
  }

  /**
   * Applies a change to a tenant row as a compare-and-set on the revision
   * that was read, so of concurrent changes on any replica one wins and the
   * others are refused rather than lost.
   */
  private async change(
    slug: string,
    actor: string,
    decide: (current: StoredTenant) => TenantChange,
  ): Promise<StoredTenant> {
    return this.db.transaction(async tx => {
      const current = await this.readForChange(tx, slug);
      assertNotDeleted(current);
      const change = decide(current);
      if (!change) return current;
      const updated = await tx(TENANTS)
        .where({ slug, revision: current.revision })
        .update({
          ...change.columns,
          updated_at_ms: tx.raw(this.now),
          revision: tx.raw('revision + 1'),
        });
      if (updated === 0) {
        throw new ConflictError(
          `'${slug}' was changed at the same time: reload it and try again`,
        );
      }
      const detail = [
        change.detail,
        ...(await this.writeSecrets(tx, slug, change.secrets)),
      ].join('; ');
      await this.record(tx, slug, actor, change.action, detail);
      return (await this.read(tx, slug))!;
    });
  }

  /** Writes secrets and says what it did for the history, naming each secret but never its value. */
  private async writeSecrets(
    tx: Knex.Transaction,
    slug: string,
    secrets: SecretChanges = {},
  ): Promise<string[]> {
    const done: string[] = [];
    for (const [name, value] of Object.entries(secrets)) {
      if (value === null) {
        await tx(SECRETS).where({ slug, name }).delete();
        done.push(`secret ${name} removed`);
      } else {
        await tx(SECRETS)
          .insert({ slug, name, value })
          .onConflict(['slug', 'name'])
          .merge(['value']);
        done.push(`secret ${name} set`);
      }
    }
    return done;
  }

  private async readForChange(
    tx: Knex.Transaction,
    slug: string,
  ): Promise<StoredTenant> {
    const tenant = await this.read(tx, slug);
    if (!tenant) throw new NotFoundError(`No tenant '${slug}'`);
    return tenant;
  }

  private async read(
    db: Knex | Knex.Transaction,
    slug: string,
  ): Promise<StoredTenant | undefined> {
    const row: TenantRow | undefined = await db(TENANTS)
      .where({ slug })
      .first();
    if (!row) return undefined;
    const secretNames: string[] = await db(SECRETS)
      .where({ slug })
      .orderBy('name')
      .pluck('name');
    return toTenant(row, secretNames);
  }

  private async record(
    tx: Knex.Transaction,
    slug: string,
    actor: string,
    action: TenantHistoryAction,
    detail: string,
  ) {
    await tx(HISTORY).insert({
      slug,
      at_ms: tx.raw(this.now),
      actor,
      action,
      detail,
    });
  }
}

function assertNotDeleted(tenant: StoredTenant) {
  if (tenant.status === 'deleted') {
    throw new ConflictError(`'${tenant.slug}' is deleted`);
  }
}

/** Settings and plan stay as they are once deletion has begun. */
function assertEditable(tenant: StoredTenant) {
  if (tenant.status === 'deleting') {
    throw new ConflictError(`'${tenant.slug}' is being deleted`);
  }
}

function planColumns(plan: TenantPlan) {
  return {
    plan_kind: plan.kind,
    trial_ends_on: plan.kind === 'trial' ? plan.endsOn : null,
  };
}

function describePlan(plan: TenantPlan): string {
  return plan.kind === 'trial' ? `trial until ${plan.endsOn}` : 'paid';
}

function describeResource(row: LedgerRow): string {
  return `${row.resource_type} ${row.resource_id} (step ${row.step})`;
}

function toTenant(row: TenantRow, secretNames: string[]): StoredTenant {
  const iso = (ms: string | number) => new Date(Number(ms)).toISOString();
  return {
    slug: row.slug,
    name: row.name,
    plan:
      row.plan_kind === 'trial'
        ? { kind: 'trial', endsOn: row.trial_ends_on! }
        : { kind: 'paid' },
    region: row.region,
    status: row.status,
    version: row.version,
    settings: JSON.parse(row.settings),
    owner: row.owner,
    ...(row.provisioning_task
      ? { provisioningTask: row.provisioning_task }
      : {}),
    createdAt: iso(row.created_at_ms),
    updatedAt: iso(row.updated_at_ms),
    revision: Number(row.revision),
    secretNames,
  };
}

function toLedgerEntry(row: LedgerRow): TenantLedgerEntry {
  const iso = (ms: string | number) => new Date(Number(ms)).toISOString();
  return {
    id: Number(row.id),
    slug: row.slug,
    step: row.step,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    details: JSON.parse(row.details),
    createdAt: iso(row.created_at_ms),
    removedAt: row.removed_at_ms === null ? null : iso(row.removed_at_ms),
  };
}
