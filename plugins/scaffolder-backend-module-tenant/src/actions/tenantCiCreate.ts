import { createProvisioningAction } from './createProvisioningAction';
import { examples } from './tenantCiCreate.examples';
import { TenantActionDeps } from './TenantActionDeps';

/** `tenant:ci:create`: the tenant's CI job `tenant-<slug>`, deploying it to the environment `tenant-<slug>`. */
export function createTenantCiCreateAction(deps: TenantActionDeps) {
  const { ci, dns } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:ci:create',
    name: 'ci',
    description:
      "Creates the tenant's CI job tenant-<slug> (a GitHub Actions workflow, a Jenkins job, or a local workflow file) that deploys it to the environment tenant-<slug>.",
    examples,
    describe: slug => ci.describe(slug),
    result: zod =>
      zod
        .object({
          name: zod.string().describe('The job: tenant-<slug>'),
          url: zod
            .string()
            .describe(
              'Where to see it: the workflow, the Jenkins job, or the file',
            ),
        })
        .describe("The tenant's CI job"),
    run: async ({ slug, record, tenant }) => ({
      ...(await ci.create(
        slug,
        { name: tenant.name, host: dns.hostnames(slug).production },
        record,
      )),
    }),
  });
}
