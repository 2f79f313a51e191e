import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Tenant,
  TenantLedgerEntry,
  TenantPlan,
  TenantSettings,
  TenantStatus,
  newTenantProblems,
  tenantSettingsProblems,
  tenantSlugProblem,
} from '@internal/plugin-tenant-scaffolder-common';
import {
  LedgerSummary,
  NewLedgerEntry,
  SecretChanges,
  StoredTenant,
  TenantFilter,
  TenantHistoryEntry,
  TenantStore,
} from '../database/TenantStore';
import {
  ownerRef,
  RegistrationInput,
  registrationProblems,
} from './registrationInput';
import { mailPasswordProblems, splitSettings } from './settingsInput';
import { TenantInputError } from './TenantInputError';

/** The name under which a tenant's SMTP password is kept in its secrets. */
export const SMTP_PASSWORD_SECRET = 'smtp-password';

/** A tenant as the API answers: never with a secret, with the revision to send back on changes. */
export type RegisteredTenant = Tenant & { revision: number };

export type TenantDetails = RegisteredTenant & { ledger: LedgerSummary };

/** After a settings change: whether the running instance's config has them. */
export type SettingsUpdate = RegisteredTenant & {
  /** True when written to the config the instance reads on every request. */
  appliedToInstance: boolean;
  /** Why not, when they could not be written; they are stored all the same. */
  applyProblem?: string;
};

export type SlugAvailability = {
  slug: string;
  available: boolean;
  /** Why it is not available: the field's message, as the form shows it. */
  problem?: string;
};

/**
 * The tenant registry: checks input with the rules the wizard uses, keeps
 * secrets out of everything it returns, and records who changed what.
 */
export class TenantRegistry {
  constructor(
    private readonly store: TenantStore,
    private readonly options: {
      /** Writes a tenant's stored settings where its instance reads them; false when it has no such config. */
      applySettings?: (slug: string) => Promise<boolean>;
    } = {},
  ) {}

  /** `caller` is history's actor unless the provisioner names who it registers for. */
  async register(input: unknown, caller: string): Promise<RegisteredTenant> {
    const problems = [
      ...newTenantProblems(input),
      ...registrationProblems(input),
      ...mailPasswordProblems(
        (input as RegistrationInput | undefined)?.settings,
        {
          allowRemoval: false,
        },
      ),
    ];
    if (problems.length > 0) throw new TenantInputError('tenant', problems);

    const tenant = input as RegistrationInput;
    const { settings, smtpPassword } = splitSettings(tenant.settings);
    const plan: TenantPlan =
      tenant.plan.kind === 'trial'
        ? { kind: 'trial', endsOn: tenant.plan.endsOn }
        : { kind: 'paid' };
    const retried = await this.retriedRegistration(tenant);
    if (retried) return retried;
    const stored = await this.store.create(
      {
        slug: tenant.slug,
        name: tenant.name,
        plan,
        region: tenant.region,
        version: tenant.version ?? '',
        settings,
        owner: ownerRef(tenant.owner)!,
        provisioningTask: tenant.provisioningTask,
      },
      {
        actor: tenant.requestedBy ?? caller,
        secrets: smtpPassword ? { [SMTP_PASSWORD_SECRET]: smtpPassword } : {},
      },
    );
    return toRegistered(stored);
  }

  /**
   * The tenant a task registered already, when the same task registers it
   * again: its register step was cut off after the registry answered (a
   * replica died) and the scaffolder's task recovery runs the step again.
   */
  private async retriedRegistration(
    tenant: RegistrationInput,
  ): Promise<RegisteredTenant | undefined> {
    if (!tenant.provisioningTask) return undefined;
    const existing = await this.store.get(tenant.slug);
    if (
      existing?.provisioningTask === tenant.provisioningTask &&
      existing.status === 'provisioning'
    ) {
      return toRegistered(existing);
    }
    return undefined;
  }

  async list(filter: TenantFilter): Promise<RegisteredTenant[]> {
    return (await this.store.list(filter)).map(toRegistered);
  }

  async get(slug: string): Promise<TenantDetails> {
    const tenant = await this.require(slug);
    return {
      ...toRegistered(tenant),
      ledger: await this.store.ledgerSummary(slug),
    };
  }

  /** For the wizard, while the slug is typed: one primary-key lookup at most. */
  async slugAvailability(slug: string): Promise<SlugAvailability> {
    const problem = tenantSlugProblem(slug);
    if (problem) return { slug, available: false, problem };
    if (await this.store.isSlugTaken(slug)) {
      return { slug, available: false, problem: 'is taken' };
    }
    return { slug, available: true };
  }

  /**
   * Replaces the settings. `body` is `{ settings, expectedRevision? }`; the
   * SMTP password is kept unless the body sets or removes it, and is removed
   * when mail goes back to the platform's service.
   */
  async updateSettings(
    slug: string,
    body: unknown,
    actor: string,
  ): Promise<SettingsUpdate> {
    const { settings: input, expectedRevision } = (body ?? {}) as {
      settings?: unknown;
      expectedRevision?: unknown;
    };
    const problems = [
      ...tenantSettingsProblems(input),
      ...mailPasswordProblems(input, { allowRemoval: true }),
    ];
    if (
      expectedRevision !== undefined &&
      !(Number.isInteger(expectedRevision) && Number(expectedRevision) > 0)
    ) {
      problems.push({
        field: 'expectedRevision',
        message: 'must be a revision number',
      });
    }
    if (problems.length > 0) throw new TenantInputError('settings', problems);

    const current = await this.require(slug);
    const { settings, smtpPassword } = splitSettings(input as TenantSettings);
    const stored = await this.store.updateSettings(slug, settings, {
      actor,
      expectedRevision: expectedRevision as number | undefined,
      secrets: secretChanges(current, settings, smtpPassword),
    });
    return { ...toRegistered(stored), ...(await this.apply(slug)) };
  }

  private async apply(
    slug: string,
  ): Promise<Pick<SettingsUpdate, 'appliedToInstance' | 'applyProblem'>> {
    if (!this.options.applySettings) return { appliedToInstance: false };
    try {
      return { appliedToInstance: await this.options.applySettings(slug) };
    } catch (error) {
      return {
        appliedToInstance: false,
        applyProblem: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async upgradePlan(slug: string, actor: string): Promise<RegisteredTenant> {
    return toRegistered(await this.store.upgradePlan(slug, { actor }));
  }

  /** What provisioning reports; deletion starts only through `requestDeletion`. */
  async reportStatus(
    slug: string,
    status: Exclude<TenantStatus, 'deleting'>,
    detail: string | undefined,
    actor: string,
  ): Promise<RegisteredTenant> {
    return toRegistered(
      await this.store.setStatus(slug, status, { actor, detail }),
    );
  }

  /** Marks the tenant `deleting`; deprovisioning picks it up from there. */
  async requestDeletion(
    slug: string,
    actor: string,
  ): Promise<RegisteredTenant> {
    const tenant = await this.require(slug);
    if (tenant.status === 'deleting' || tenant.status === 'deleted') {
      throw new ConflictError(`'${slug}' is ${tenant.status} already`);
    }
    return toRegistered(
      await this.store.setStatus(slug, 'deleting', {
        actor,
        detail: 'deletion requested',
      }),
    );
  }

  async history(slug: string, limit: number): Promise<TenantHistoryEntry[]> {
    await this.require(slug);
    return this.store.history(slug, limit);
  }

  async ledger(
    slug: string,
    includeRemoved: boolean,
  ): Promise<TenantLedgerEntry[]> {
    await this.require(slug);
    return this.store.listLedger(slug, { includeRemoved });
  }

  async recordResource(
    entry: NewLedgerEntry,
    actor: string,
  ): Promise<{ entry: TenantLedgerEntry; recorded: boolean }> {
    return this.store.recordResource(entry, { actor });
  }

  async markResourceRemoved(
    slug: string,
    id: number,
    actor: string,
  ): Promise<TenantLedgerEntry> {
    const entry = await this.store.markResourceRemoved(slug, id, { actor });
    if (!entry) {
      throw new NotFoundError(`No ledger entry ${id} for tenant '${slug}'`);
    }
    return entry;
  }

  async recordRefusal(
    slug: string,
    id: number,
    reason: string,
    actor: string,
  ): Promise<TenantLedgerEntry> {
    const entry = await this.store.recordRefusal(slug, id, { actor, reason });
    if (!entry) {
      throw new NotFoundError(`No ledger entry ${id} for tenant '${slug}'`);
    }
    return entry;
  }

  private async require(slug: string): Promise<StoredTenant> {
    const tenant = await this.store.get(slug);
    if (!tenant) throw new NotFoundError(`No tenant '${slug}'`);
    return tenant;
  }
}

function secretChanges(
  current: StoredTenant,
  settings: TenantSettings,
  smtpPassword: string | null | undefined,
): SecretChanges {
  const stored = current.secretNames.includes(SMTP_PASSWORD_SECRET);
  if (typeof smtpPassword === 'string') {
    return { [SMTP_PASSWORD_SECRET]: smtpPassword };
  }
  if (stored && (settings.mail.mode !== 'smtp' || smtpPassword === null)) {
    return { [SMTP_PASSWORD_SECRET]: null };
  }
  return {};
}

/** Drops the secrets' names and says, for SMTP mail, whether a password is stored. */
function toRegistered(tenant: StoredTenant): RegisteredTenant {
  const { secretNames, ...registered } = tenant;
  const { mail } = registered.settings;
  if (mail.mode !== 'smtp') return registered;
  return {
    ...registered,
    settings: {
      ...registered.settings,
      mail: {
        ...mail,
        hasPassword: secretNames.includes(SMTP_PASSWORD_SECRET),
      },
    },
  };
}
