import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { migratedClient } from '@internal/backend-plugin-utils';
import {
  TenantListQuery,
  TenantSettings,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import {
  assertNotDeleted,
  planUpgrade,
  settingsChange,
  slugTaken,
  statusChange,
  TenantChange,
  versionChange,
} from '../tenants/tenantChanges';
import {
  describeNewTenant,
  describeResource,
  describeSecretChanges,
  historyDetail,
} from '../tenants/tenantHistoryText';
import { tenantDeploymentEvent } from '../releaseWatch/tenantDeploymentEvent';
import { queueDeployment } from './operations/deployments/queueDeployment';
import { appendTenantHistory } from './operations/tenants/appendTenantHistory';
import { insertTenant } from './operations/tenants/insertTenant';
import { isSlugTaken } from './operations/tenants/isSlugTaken';
import { listLedgerEntries } from './operations/tenants/listLedgerEntries';
import { listTenants } from './operations/tenants/listTenants';
import { markLedgerEntryRemoved } from './operations/tenants/markLedgerEntryRemoved';
import { readLedgerEntry } from './operations/tenants/readLedgerEntry';
import { readTenant } from './operations/tenants/readTenant';
import { readTenantHistory } from './operations/tenants/readTenantHistory';
import { readTenantSecret } from './operations/tenants/readTenantSecret';
import { summarizeLedger } from './operations/tenants/summarizeLedger';
import { updateTenantRow } from './operations/tenants/updateTenantRow';
import { upsertLedgerEntry } from './operations/tenants/upsertLedgerEntry';
import { writeTenantSecrets } from './operations/tenants/writeTenantSecrets';
import {
  NewLedgerEntry,
  NewStoredTenant,
  SecretChanges,
  SettingsUpdateOptions,
  StoredTenant,
  TenantStore,
} from './TenantStore';

/** Whose migrations/ folder holds this store's tables. */
const PACKAGE = '@internal/plugin-tenant-scaffolder-backend';

/**
 * The tenant store on the backend's database: each write is one
 * transaction of the operations under `operations/tenants`, its history
 * appended in it.
 */
export class DatabaseTenantStore implements TenantStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseTenantStore> {
    return new DatabaseTenantStore(
      await migratedClient(options.database, PACKAGE),
    );
  }

  private constructor(private readonly db: Knex) {}

  private readonly deploymentListeners: Array<() => void> = [];

  /**
   * Called after each change that queued a deployment for Release Watch
   * (in `tenant_deployment_outbox`, in the change's own transaction).
   */
  onDeploymentQueued(listener: () => void): void {
    this.deploymentListeners.push(listener);
  }

  async create(
    tenant: NewStoredTenant,
    options: { actor: string; secrets?: SecretChanges },
  ): Promise<StoredTenant> {
    const { slug } = tenant;
    return this.db.transaction(async tx => {
      if (!(await insertTenant(tx, tenant))) {
        throw slugTaken((await readTenant(tx, slug))!);
      }
      await writeTenantSecrets(tx, slug, options.secrets);
      await appendTenantHistory(tx, {
        slug,
        actor: options.actor,
        action: 'created',
        detail: historyDetail(describeNewTenant(tenant), options.secrets),
      });
      return (await readTenant(tx, slug))!;
    });
  }

  async get(slug: string): Promise<StoredTenant | undefined> {
    return readTenant(this.db, slug);
  }

  async list(filter: TenantListQuery = {}): Promise<StoredTenant[]> {
    return listTenants(this.db, filter);
  }

  async isSlugTaken(slug: string): Promise<boolean> {
    return isSlugTaken(this.db, slug);
  }

  async updateSettings(
    slug: string,
    settings: TenantSettings,
    options: SettingsUpdateOptions,
  ): Promise<StoredTenant> {
    return this.change(slug, options.actor, current =>
      settingsChange(current, settings, options),
    );
  }

  async setStatus(
    slug: string,
    status: TenantStatus,
    options: { actor: string; detail?: string; failedUpgrade?: string },
  ): Promise<StoredTenant> {
    return this.change(slug, options.actor, current =>
      statusChange(current, status, options.detail, options.failedUpgrade),
    );
  }

  async upgradePlan(
    slug: string,
    options: { actor: string },
  ): Promise<StoredTenant> {
    return this.change(slug, options.actor, planUpgrade);
  }

  async setVersion(
    slug: string,
    version: string,
    options: { actor: string },
  ): Promise<StoredTenant> {
    return this.change(slug, options.actor, current =>
      versionChange(current, version),
    );
  }

  async setSecret(
    slug: string,
    name: string,
    value: string | null,
    options: { actor: string },
  ): Promise<void> {
    const secrets = { [name]: value };
    await this.db.transaction(async tx => {
      await this.readForChange(tx, slug);
      await writeTenantSecrets(tx, slug, secrets);
      await appendTenantHistory(tx, {
        slug,
        actor: options.actor,
        action: 'secret-changed',
        detail: describeSecretChanges(secrets).join('; '),
      });
    });
  }

  async getSecret(slug: string, name: string): Promise<string | undefined> {
    return readTenantSecret(this.db, slug, name);
  }

  async recordResource(entry: NewLedgerEntry, options: { actor: string }) {
    return this.db.transaction(async tx => {
      assertNotDeleted(await this.readForChange(tx, entry.slug));
      const result = await upsertLedgerEntry(tx, entry);
      if (result.recorded) {
        await appendTenantHistory(tx, {
          slug: entry.slug,
          actor: options.actor,
          action: 'resource-recorded',
          detail: describeResource(result.entry),
        });
      }
      return result;
    });
  }

  async listLedger(slug: string, options?: { includeRemoved?: boolean }) {
    return listLedgerEntries(this.db, slug, options);
  }

  async ledgerSummary(slug: string) {
    return summarizeLedger(this.db, slug);
  }

  async markResourceRemoved(
    slug: string,
    id: number,
    options: { actor: string },
  ) {
    return this.db.transaction(async tx => {
      const entry = await readLedgerEntry(tx, slug, id);
      if (!entry || entry.removedAt !== null) return entry;
      await markLedgerEntryRemoved(tx, id);
      await appendTenantHistory(tx, {
        slug,
        actor: options.actor,
        action: 'resource-removed',
        detail: describeResource(entry),
      });
      return readLedgerEntry(tx, slug, id);
    });
  }

  async recordRefusal(
    slug: string,
    id: number,
    options: { actor: string; reason: string },
  ) {
    return this.db.transaction(async tx => {
      const entry = await readLedgerEntry(tx, slug, id);
      if (entry) {
        await appendTenantHistory(tx, {
          slug,
          actor: options.actor,
          action: 'resource-refused',
          detail: `${describeResource(entry)}: ${options.reason}`,
        });
      }
      return entry;
    });
  }

  async history(slug: string, limit: number) {
    return readTenantHistory(this.db, slug, limit);
  }

  /**
   * Applies the change that `decide` makes of the tenant as this
   * transaction read it, as a compare-and-set on its revision: of
   * concurrent changes on any replica one wins and the others are refused
   * rather than lost.
   */
  private async change(
    slug: string,
    actor: string,
    decide: (current: StoredTenant) => TenantChange,
  ): Promise<StoredTenant> {
    let queued = false;
    const changed = await this.db.transaction(async tx => {
      const current = await this.readForChange(tx, slug);
      assertNotDeleted(current);
      const change = decide(current);
      if (!change) return current;
      if (!(await updateTenantRow(tx, slug, current.revision, change.fields))) {
        throw new ConflictError(
          `'${slug}' was changed at the same time: reload it and try again`,
        );
      }
      await writeTenantSecrets(tx, slug, change.secrets);
      await appendTenantHistory(tx, {
        slug,
        actor,
        action: change.action,
        detail: historyDetail(change.detail, change.secrets),
      });
      if (change.deployment) {
        // The revision this change moved the tenant to names the event.
        const event = tenantDeploymentEvent(slug, change.deployment, {
          revision: Number(current.revision) + 1,
          at: new Date(),
        });
        await queueDeployment(tx, {
          eventId: event.id,
          slug,
          event,
          queuedAtMs: Date.now(),
        });
        queued = true;
      }
      return (await readTenant(tx, slug))!;
    });
    if (queued) this.deploymentListeners.forEach(listener => listener());
    return changed;
  }

  private async readForChange(
    tx: Knex.Transaction,
    slug: string,
  ): Promise<StoredTenant> {
    const tenant = await readTenant(tx, slug);
    if (!tenant) throw new NotFoundError(`No tenant '${slug}'`);
    return tenant;
  }
}
