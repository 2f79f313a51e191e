import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { tenantSlugInput } from './createProvisioningAction';
import { ownTenant } from './ownTenant';
import { examples } from './tenantProvisioningComplete.examples';
import { TenantActionDeps } from './TenantActionDeps';

/** `tenant:provisioning:complete`: the last step, marking the tenant ready. */
export function createTenantProvisioningCompleteAction(deps: TenantActionDeps) {
  return createTemplateAction({
    id: 'tenant:provisioning:complete',
    description:
      "Completes a tenant's provisioning: marks the tenant ready in the registry. The template's last step.",
    examples,
    supportsDryRun: true,
    schema: {
      input: { slug: tenantSlugInput },
    },
    async handler(ctx) {
      const { slug } = ctx.input;
      if (ctx.isDryRun) {
        ctx.logger.info(`Would mark tenant ${slug} ready`);
        return;
      }
      await ownTenant(deps, slug, ctx.task.id);
      // Once: a retried task must not mark ready again a tenant that has
      // moved on since (to deleting, say).
      await ctx.checkpoint({
        key: `tenant-ready-${slug}`,
        fn: () => deps.registry.reportStatus(slug, 'ready'),
      });
      ctx.logger.info(`Tenant ${slug} is ready`);
    },
  });
}
