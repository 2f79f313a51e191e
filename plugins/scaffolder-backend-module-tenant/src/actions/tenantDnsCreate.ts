import { createProvisioningAction } from './createProvisioningAction';
import { examples } from './tenantDnsCreate.examples';
import { TenantActionDeps } from './TenantActionDeps';

/** `tenant:dns:create`: production and staging host names. */
export function createTenantDnsCreateAction(deps: TenantActionDeps) {
  const { dns } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:dns:create',
    name: 'dns',
    description:
      "Creates the tenant's production and staging DNS records (CNAMEs to the load balancers).",
    examples,
    describe: slug => dns.describe(slug),
    result: zod =>
      zod
        .object({
          production: zod
            .string()
            .describe('The production host name: <slug>.<domain>'),
          staging: zod
            .string()
            .describe('The staging host name: <slug>.staging.<domain>'),
        })
        .describe("The tenant's host names"),
    run: async ({ slug, record }) => ({ ...(await dns.create(slug, record)) }),
  });
}
