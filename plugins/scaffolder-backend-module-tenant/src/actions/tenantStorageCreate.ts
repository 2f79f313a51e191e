import { createProvisioningAction } from './createProvisioningAction';
import { examples } from './tenantStorageCreate.examples';
import { TenantActionDeps } from './TenantActionDeps';

/** `tenant:storage:create`: the tenant's prefix in the shared bucket, with the initial assets. */
export function createTenantStorageCreateAction(deps: TenantActionDeps) {
  const { storage, assetsDir } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:storage:create',
    name: 'storage',
    description:
      "Creates the tenant's storage prefix in the shared bucket and copies the initial assets into it.",
    examples,
    describe: slug => storage.describe(slug),
    result: zod =>
      zod
        .object({
          location: zod
            .string()
            .describe(
              "Where the tenant's files are: s3://<bucket>/<prefix> or a local folder",
            ),
        })
        .describe("The tenant's storage"),
    run: async ({ slug, record }) => ({
      location: await storage.create(slug, assetsDir, record),
    }),
  });
}
