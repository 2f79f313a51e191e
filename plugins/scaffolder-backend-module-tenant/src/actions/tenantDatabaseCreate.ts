import { createProvisioningAction } from './createProvisioningAction';
import { examples } from './tenantDatabaseCreate.examples';
import { TenantActionDeps } from './TenantActionDeps';

/** `tenant:database:create`: the tenant's own database and role, seeded. */
export function createTenantDatabaseCreateAction(deps: TenantActionDeps) {
  const { databases, seedSql, configFiles } = deps.drivers;
  return createProvisioningAction(deps, {
    id: 'tenant:database:create',
    name: 'database',
    description:
      "Creates the tenant's database (and its login role with a generated password) and loads the seed SQL.",
    examples,
    describe: slug => databases.describe(slug),
    result: zod =>
      zod
        .object({
          client: zod
            .enum(['pg', 'better-sqlite3'])
            .describe('The knex client the tenant connects with'),
          filename: zod
            .string()
            .optional()
            .describe('SQLite: the database file'),
          host: zod.string().optional().describe('PostgreSQL: the host'),
          port: zod.number().optional().describe('PostgreSQL: the port'),
          database: zod
            .string()
            .optional()
            .describe("PostgreSQL: the tenant's database, tenant_<slug>"),
          user: zod
            .string()
            .optional()
            .describe("PostgreSQL: the tenant's login role, tenant_<slug>"),
          passwordFile: zod
            .string()
            .optional()
            .describe(
              "PostgreSQL: the file in the tenant's config directory that holds the role's password",
            ),
        })
        .describe(
          'How the tenant connects to its database, without a password',
        ),
    run: async ({ slug, record }) => {
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
