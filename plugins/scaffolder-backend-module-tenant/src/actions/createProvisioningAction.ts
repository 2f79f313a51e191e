import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { RecordResource } from '../provisioning/LedgerResource';
import { runProvisioningStep } from '../rollback/provisioningStep';
import { RegisteredTenant } from '../registry/TenantRegistryClient';
import { ownTenant } from './ownTenant';
import { TenantActionDeps } from './TenantActionDeps';

/**
 * A `tenant:<step>:create` action: one provisioning step whose resources
 * enter the tenant's ledger, undone with every earlier step's when it fails.
 * A retried task skips the step once it has completed (checkpoint); a step
 * interrupted half-way removes what it had made and starts again.
 */
export function createProvisioningAction<TOutput extends JsonObject>(
  deps: TenantActionDeps,
  step: {
    id: string;
    /** Ledger step name: `database`. */
    name: string;
    description: string;
    /** What the step would do, for dry runs. */
    describe: (slug: string) => string[];
    run: (
      slug: string,
      record: RecordResource,
      input: Record<string, unknown>,
      log: (line: string) => void,
      /** The registered tenant, read once the step knows it is its task's. */
      tenant: RegisteredTenant,
    ) => Promise<TOutput>;
    /** Inputs beyond `slug`, as the scaffolder's schema functions. */
    extraInput?: Record<
      string,
      // The scaffolder hands each schema function its own zod.
      (zod: any) => any
    >;
  },
) {
  const { registry, rollback } = deps;
  return createTemplateAction({
    id: step.id,
    description: step.description,
    supportsDryRun: true,
    schema: {
      input: {
        slug: zod =>
          zod.string().describe('Slug of the tenant being provisioned'),
        ...step.extraInput,
      },
      output: {
        result: z =>
          z
            .record(z.string(), z.unknown())
            .describe('What the step made; never holds secrets'),
      },
    },
    async handler(ctx) {
      const { slug } = ctx.input;
      if (ctx.isDryRun) {
        for (const line of step.describe(slug))
          ctx.logger.info(`Would ${line}`);
        ctx.output('result', {});
        return;
      }
      // Before anything is undone or made: only this task's own tenant.
      const tenant = await ownTenant(deps, slug, ctx.task.id);
      const result = await ctx.checkpoint({
        key: `tenant-${step.name}-${slug}`,
        fn: async () =>
          runProvisioningStep({
            registry,
            rollback,
            logger: ctx.logger,
            slug,
            step: step.name,
            run: async record => {
              await rollback.undoStep(slug, step.name, message =>
                ctx.logger.info(`${message} (left by an interrupted attempt)`),
              );
              for (const line of step.describe(slug)) ctx.logger.info(line);
              return step.run(
                slug,
                record,
                ctx.input,
                line => ctx.logger.info(line),
                tenant,
              );
            },
          }),
      });
      ctx.output('result', result);
    },
  });
}
