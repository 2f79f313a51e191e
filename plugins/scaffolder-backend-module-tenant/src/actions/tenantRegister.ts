import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { tenantCreatePermission } from '@internal/plugin-tenant-scaffolder-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './tenantRegister.examples';
import { TenantActionDeps } from './TenantActionDeps';

/** The scaffolder secret that carries the customer's SMTP password, when mail goes through their server. */
export const SMTP_PASSWORD_SECRET = 'smtpPassword';

/**
 * `tenant:register`: registers the tenant in the registry (status
 * `provisioning`): the first step, and the only one with nothing to undo, as
 * a failed tenant stays registered with its history.
 */
export function createTenantRegisterAction(
  deps: Pick<TenantActionDeps, 'registry' | 'permissions' | 'newTenantVersion'>,
) {
  const { registry, permissions, newTenantVersion } = deps;
  return createTemplateAction({
    id: 'tenant:register',
    description:
      'Registers a new tenant in the tenant registry with status provisioning. The SMTP password, if any, is read from the task secret smtpPassword.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        slug: z => z.string().describe('Tenant slug, a DNS label: acme'),
        name: z => z.string().describe("The customer's name: Acme Corp"),
        plan: z =>
          z
            .object({
              kind: z.enum(['trial', 'paid']).describe('trial or paid'),
              endsOn: z
                .string()
                .optional()
                .describe('Last day of a trial, YYYY-MM-DD'),
            })
            .describe('The plan'),
        region: z =>
          z.string().describe('Region the tenant runs in: eu-west-1'),
        owner: z =>
          z.string().describe('Owning group: group:default/customer-success'),
        version: z =>
          z.string().optional().describe('Application version to run: 1.4.2'),
        settings: z =>
          z
            .record(z.string(), z.unknown())
            .describe('Branding, mail, footer and analytics settings'),
      },
      output: {
        slug: z => z.string().describe('The registered slug'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      // Optional wizard fields left empty arrive as empty strings.
      const settings = withoutEmptyStrings(input.settings);
      const plan =
        input.plan.kind === 'trial'
          ? { kind: 'trial', endsOn: input.plan.endsOn }
          : { kind: 'paid' };
      const password = ctx.secrets?.[SMTP_PASSWORD_SECRET];
      const mail = settings.mail as Record<string, unknown> | undefined;
      if (mail?.mode === 'smtp') {
        if (!password) {
          throw new InputError(
            `SMTP mail needs the password as the task secret ${SMTP_PASSWORD_SECRET}`,
          );
        }
        settings.mail = { ...mail, password };
      }

      // The registry takes registrations from this module alone, so the
      // person behind the task is asked here.
      const [decision] = await permissions.authorize(
        [{ permission: tenantCreatePermission }],
        { credentials: await ctx.getInitiatorCredentials() },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          'You may not create tenants: the permission tenant-scaffolder.tenant.create is not granted to you',
        );
      }

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Would register tenant ${input.slug} (${input.name}) on the ${input.plan.kind} plan in ${input.region}, owned by ${input.owner}`,
        );
        ctx.output('slug', input.slug);
        return;
      }

      const slug = await ctx.checkpoint({
        key: `tenant-register-${input.slug}`,
        fn: async () => {
          const registered = await registry.register({
            slug: input.slug,
            name: input.name,
            plan,
            region: input.region,
            owner: input.owner,
            version: input.version ?? newTenantVersion,
            settings,
            provisioningTask: ctx.task.id,
            ...(ctx.user?.ref ? { requestedBy: ctx.user.ref } : {}),
          });
          return registered.slug;
        },
      });
      ctx.logger.info(`Registered tenant ${slug}; status provisioning`);
      ctx.output('slug', slug);
    },
  });
}

function withoutEmptyStrings(
  value: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === '' || field === undefined || field === null) continue;
    result[key] =
      typeof field === 'object' && !Array.isArray(field)
        ? withoutEmptyStrings(field as Record<string, unknown>)
        : field;
  }
  return result;
}
