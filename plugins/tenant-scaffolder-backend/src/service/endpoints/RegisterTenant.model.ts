import {
  newTenantProblems,
  RegisteredTenant,
  TenantPlan,
} from '@internal/plugin-tenant-scaffolder-common';
import { TenantStore } from '../../database/TenantStore';
import {
  ownerRef,
  RegistrationInput,
  registrationProblems,
} from '../registrationInput';
import { toRegistered } from '../registeredTenant';
import {
  mailPasswordProblems,
  SMTP_PASSWORD_SECRET,
  splitSettings,
} from '../settingsInput';
import { TenantInputError } from '../TenantInputError';

export class RegisterTenantModel {
  constructor(private readonly tenants: TenantStore) {}

  /**
   * Checks the input with the rules the wizard uses and stores the tenant,
   * its SMTP password apart as a secret. `caller` is history's actor
   * unless the provisioner names who it registers for.
   */
  async registerTenant(
    input: unknown,
    caller: string,
  ): Promise<RegisteredTenant> {
    const problems = [
      ...newTenantProblems(input),
      ...registrationProblems(input),
      ...mailPasswordProblems((input as RegistrationInput)?.settings, {
        allowRemoval: false,
      }),
    ];
    if (problems.length > 0) throw new TenantInputError('tenant', problems);

    const tenant = input as RegistrationInput;
    const retried = await this.retriedRegistration(tenant);
    if (retried) return retried;
    const { settings, smtpPassword } = splitSettings(tenant.settings);
    const plan: TenantPlan =
      tenant.plan.kind === 'trial'
        ? { kind: 'trial', endsOn: tenant.plan.endsOn }
        : { kind: 'paid' };
    const stored = await this.tenants.create(
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
    const existing = await this.tenants.get(tenant.slug);
    if (
      existing?.provisioningTask === tenant.provisioningTask &&
      existing.status === 'provisioning'
    ) {
      return toRegistered(existing);
    }
    return undefined;
  }
}
