import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createProvisioningAction } from './createProvisioningAction';
import { ownTenant } from './ownTenant';
import { createRegisterTenantAction } from './registerTenant';
import { TenantActionDeps } from './TenantActionDeps';

/** `tenant:database:create`: the tenant's own database and role, seeded. */
export function createTenantDatabaseAction(deps: TenantActionDeps) {
  const { databases, seedSql, configFiles } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:database:create',
    name: 'database',
    description:
      "Creates the tenant's database (and its login role with a generated password) and loads the seed SQL.",
    describe: slug => databases.describe(slug),
    run: async (slug, record) => {
      const connection = await databases.create(slug, seedSql, record);
      if (connection.client !== 'pg') {
        return { client: connection.client, filename: connection.filename };
      }
      // The password goes to a file only the tenant's config reads; task
      // output and logs get its path, never the password.
      const passwordFile = await configFiles.writeSecret(
        slug,
        'database.password',
        connection.password,
        record,
      );
      return {
        client: 'pg',
        host: connection.host,
        port: connection.port,
        database: connection.database,
        user: connection.user,
        passwordFile,
      };
    },
  });
}

/** `tenant:storage:create`: the tenant's prefix in the shared bucket, with the initial assets. */
export function createTenantStorageAction(deps: TenantActionDeps) {
  const { storage, assetsDir } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:storage:create',
    name: 'storage',
    description:
      "Creates the tenant's storage prefix in the shared bucket and copies the initial assets into it.",
    describe: slug => storage.describe(slug),
    run: async (slug, record) => ({
      location: await storage.create(slug, assetsDir, record),
    }),
  });
}

/** `tenant:dns:create`: production and staging host names. */
export function createTenantDnsAction(deps: TenantActionDeps) {
  const { dns } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:dns:create',
    name: 'dns',
    description:
      "Creates the tenant's production and staging DNS records (CNAMEs to the load balancers).",
    describe: slug => dns.describe(slug),
    run: async (slug, record) => ({ ...(await dns.create(slug, record)) }),
  });
}

/** `tenant:config:render`: `config.yml` and `nginx.conf` from the tenant's registry entry and what earlier steps made. */
export function createTenantConfigAction(deps: TenantActionDeps) {
  const { configFiles, dns } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:config:render',
    name: 'config',
    description:
      "Renders the tenant's config.yml and nginx.conf from its registry entry, its database and storage.",
    describe: slug => configFiles.describe(slug),
    extraInput: {
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
    run: async (slug, record, input, _log, tenant) => {
      const { database, storage } = input as {
        database?: Record<string, string | number>;
        storage?: string;
      };
      return configFiles.render(
        {
          slug,
          name: tenant.name,
          version: tenant.version,
          hostnames: dns.hostnames(slug),
          database: database ?? {},
          storage: storage ?? '',
          settingsUrl: await deps.registry.tenantUrl(slug),
          settings: tenant.settings,
        },
        record,
      );
    },
  });
}

/** `tenant:ci:create`: the tenant's CI job `tenant-<slug>`, deploying it to the environment `tenant-<slug>`. */
export function createTenantCiAction(deps: TenantActionDeps) {
  const { ci, dns } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:ci:create',
    name: 'ci',
    description:
      "Creates the tenant's CI job tenant-<slug> (a GitHub Actions workflow, a Jenkins job, or a local workflow file) that deploys it to the environment tenant-<slug>.",
    describe: slug => ci.describe(slug),
    run: async (slug, record, _input, _log, tenant) => {
      return {
        ...(await ci.create(
          slug,
          { name: tenant.name, host: dns.hostnames(slug).production },
          record,
        )),
      };
    },
  });
}

/** `tenant:deploy`: the tenant's service, running and healthy, through the shared deploy target. */
export function createTenantDeployAction(deps: TenantActionDeps) {
  const { services, configFiles } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:deploy',
    name: 'deploy',
    description:
      "Deploys the tenant's service with its rendered config, and waits until its health check answers 200.",
    describe: slug => services.describe(slug),
    run: async (slug, record, _input, log, tenant) => {
      return services.deploy(
        slug,
        { configFile: configFiles.configFile(slug), version: tenant.version },
        record,
        log,
      );
    },
  });
}

/** `tenant:ready`: the last step, marking the tenant ready. */
export function createTenantReadyAction(deps: TenantActionDeps) {
  return createTemplateAction({
    id: 'tenant:ready',
    description: 'Marks a provisioned tenant ready.',
    supportsDryRun: true,
    schema: {
      input: {
        slug: z => z.string().describe('Slug of the provisioned tenant'),
      },
    },
    async handler(ctx) {
      if (ctx.isDryRun) {
        ctx.logger.info(`Would mark tenant ${ctx.input.slug} ready`);
        return;
      }
      await ownTenant(deps, ctx.input.slug, ctx.task.id);
      await deps.registry.reportStatus(ctx.input.slug, 'ready');
      ctx.logger.info(`Tenant ${ctx.input.slug} is ready`);
    },
  });
}

/** Every `tenant:*` action, in the order a template runs them. */
export function createTenantActions(deps: TenantActionDeps) {
  return [
    createRegisterTenantAction(deps),
    createTenantDatabaseAction(deps),
    createTenantStorageAction(deps),
    createTenantDnsAction(deps),
    createTenantConfigAction(deps),
    createTenantCiAction(deps),
    createTenantDeployAction(deps),
    createTenantReadyAction(deps),
  ];
}
