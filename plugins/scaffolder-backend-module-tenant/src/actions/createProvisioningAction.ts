import {
  createTemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { RecordResource } from '../provisioning/LedgerResource';
import { runProvisioningStep } from '../rollback/provisioningStep';
import { RegisteredTenant } from '../registry/TenantRegistryClient';
import { ownTenant } from './ownTenant';
import { TenantActionDeps } from './TenantActionDeps';

/**
 * A scaffolder schema function: the scaffolder hands it its own zod, which
 * this package does not depend on.
 */
export type SchemaField = (zod: any) => any;

/** The `slug` input every step after `tenant:register` takes. */
export const tenantSlugInput: SchemaField = zod =>
  zod
    .string()
    .describe(
      'Slug of the tenant being provisioned, as tenant:register output it',
    );

/** What a provisioning step's `run` gets. */
export type ProvisioningStepContext<TInput> = {
  slug: string;
  /** Enters a resource in the tenant's ledger; call it before making the resource. */
  record: RecordResource;
  /** The step's inputs beyond `slug`. */
  input: TInput;
  /** A line in the task log. */
  log: (line: string) => void;
  /** The registered tenant, read once the step knows it is its task's. */
  tenant: RegisteredTenant;
};

/** One provisioning step, as its action file declares it. */
export type ProvisioningActionOptions<TInput> = {
  id: string;
  /** Ledger step name: `database`. */
  name: string;
  description: string;
  examples: TemplateExample[];
  /** What the step would do, for dry runs and the task log. */
  describe: (slug: string) => string[];
  /** Inputs beyond `slug`. */
  input?: Record<string, SchemaField>;
  /** The schema of the step's `result` output, described; never holds secrets. */
  result: SchemaField;
  run: (step: ProvisioningStepContext<TInput>) => Promise<JsonObject>;
};

/**
 * A `tenant:<part>:<verb>` action: one provisioning step whose resources
 * enter the tenant's ledger, undone with every earlier step's when it fails.
 * A retried task skips the step once it has completed (checkpoint); a step
 * interrupted half-way removes what it had made and starts again.
 */
export function createProvisioningAction<TInput = {}>(
  deps: TenantActionDeps,
  step: ProvisioningActionOptions<TInput>,
) {
  const { registry, rollback } = deps;
  return createTemplateAction({
    id: step.id,
    description: step.description,
    examples: step.examples,
    supportsDryRun: true,
    schema: {
      input: { slug: tenantSlugInput, ...step.input },
      output: { result: step.result },
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
              return step.run({
                slug,
                record,
                input: ctx.input as TInput,
                log: line => ctx.logger.info(line),
                tenant,
              });
            },
          }),
      });
      ctx.output('result', result);
    },
  });
}
