import { createProvisioningAction } from './createProvisioningAction';
import { examples } from './tenantConfigRender.examples';
import { TenantActionDeps } from './TenantActionDeps';

/** `tenant:config:render`: `config.yml` and `nginx.conf` from the tenant's registry entry and what earlier steps made. */
export function createTenantConfigRenderAction(deps: TenantActionDeps) {
  const { configFiles, dns } = deps.drivers;
  return createProvisioningAction<{
    database?: Record<string, string | number>;
    storage?: string;
  }>(deps, {
    id: 'tenant:config:render',
    name: 'config',
    description:
      "Renders the tenant's config.yml and nginx.conf from its registry entry, its database and storage.",
    examples,
    describe: slug => configFiles.describe(slug),
    input: {
      database: zod =>
        zod
          .record(zod.string(), zod.union([zod.string(), zod.number()]))
          .optional()
          .describe(
            "The database step's result: how to connect, without the password",
          ),
      storage: zod =>
        zod.string().optional().describe("The storage step's location"),
    },
    result: zod =>
      zod
        .object({
          configFile: zod
            .string()
            .describe("The tenant's config.yml, which its instance reads"),
          nginxFile: zod.string().describe("The tenant's nginx.conf"),
        })
        .describe('The files the step wrote'),
    run: async ({ slug, record, input, tenant }) =>
      configFiles.render(
        {
          slug,
          name: tenant.name,
          version: tenant.version,
          hostnames: dns.hostnames(slug),
          database: input.database ?? {},
          storage: input.storage ?? '',
          settingsUrl: await deps.registry.tenantUrl(slug),
          settings: tenant.settings,
        },
        record,
      ),
  });
}
