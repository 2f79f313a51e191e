import { createProvisioningAction } from './createProvisioningAction';
import { examples } from './tenantServiceDeploy.examples';
import { TenantActionDeps } from './TenantActionDeps';

/** `tenant:service:deploy`: the tenant's service, running and healthy, through the shared deploy target. */
export function createTenantServiceDeployAction(deps: TenantActionDeps) {
  const { services, configFiles } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:service:deploy',
    name: 'deploy',
    description:
      "Deploys the tenant's service (the environment tenant-<slug>) on its version with its rendered config, and waits until its health check answers 200.",
    examples,
    describe: slug => services.describe(slug),
    result: zod =>
      zod
        .object({
          url: zod.string().describe("Where the tenant's service answers"),
          version: zod
            .string()
            .describe('What runs: a commit SHA, or the image tag on ECS'),
        })
        .describe("The tenant's running service"),
    run: async ({ slug, record, log, tenant }) =>
      services.deploy(
        slug,
        { configFile: configFiles.configFile(slug), version: tenant.version },
        record,
        log,
      ),
  });
}
