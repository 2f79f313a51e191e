import { Caller } from '@internal/backend-plugin-utils';
import {
  SettingsUpdateResult,
  TenantSettings,
  tenantSettingsProblems,
} from '@internal/plugin-tenant-scaffolder-common';
import {
  SecretChanges,
  StoredTenant,
  TenantStore,
} from '../../database/TenantStore';
import { requireTenant } from '../notFound';
import { PermissionCheck } from '../permissionGuard';
import { toRegistered } from '../registeredTenant';
import {
  mailPasswordProblems,
  SMTP_PASSWORD_SECRET,
  splitSettings,
} from '../settingsInput';
import { TenantInputError } from '../TenantInputError';

/** Writes a tenant's stored settings where its instance reads them; false when it has no such config. */
export type ApplySettings = (slug: string) => Promise<boolean>;

export class UpdateTenantSettingsModel {
  constructor(
    private readonly tenants: TenantStore,
    private readonly mayUpdate: PermissionCheck,
    private readonly applySettings: ApplySettings,
  ) {}

  /**
   * Replaces the settings, then writes them where the running instance
   * reads them. `body` is `{ settings, expectedRevision? }`; the SMTP
   * password is kept unless the body sets or removes it, and is removed
   * when mail goes back to the platform's service.
   */
  async updateTenantSettings(
    slug: string,
    body: { settings?: unknown; expectedRevision?: unknown },
    caller: Caller,
  ): Promise<SettingsUpdateResult> {
    await this.mayUpdate(caller);
    const { settings: input, expectedRevision } = body;
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

    const current = await requireTenant(this.tenants, slug);
    const { settings, smtpPassword } = splitSettings(input as TenantSettings);
    const stored = await this.tenants.updateSettings(slug, settings, {
      actor: caller.id,
      expectedRevision: expectedRevision as number | undefined,
      secrets: secretChanges(current, settings, smtpPassword),
    });
    return { ...toRegistered(stored), ...(await this.apply(slug)) };
  }

  /** Whether the instance has the settings now; they are stored all the same. */
  private async apply(
    slug: string,
  ): Promise<Pick<SettingsUpdateResult, 'appliedToInstance' | 'applyProblem'>> {
    try {
      return { appliedToInstance: await this.applySettings(slug) };
    } catch (error) {
      return {
        appliedToInstance: false,
        applyProblem: error instanceof Error ? error.message : String(error),
      };
    }
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
