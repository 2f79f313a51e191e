import { stringify } from 'yaml';
import { LedgerResource, RecordResource } from '../LedgerResource';
import { assertValidSlug } from '../assertValidSlug';

/**
 * A tenant's CI job, `tenant-<slug>`, deploying it to the environment
 * `tenant-<slug>`: a GitHub Actions workflow, a Jenkins job, or (the
 * embedded default) a workflow file on disk.
 */
export interface TenantCi {
  readonly resourceTypes: string[];

  /** What `create` would do, for dry runs. */
  describe(slug: string): string[];

  /**
   * Creates the tenant's job, recorded in the ledger first; refuses,
   * recording nothing, when a job or file of that name already exists.
   */
  create(
    slug: string,
    values: TenantCiValues,
    record: RecordResource,
  ): Promise<TenantCiJob>;

  /**
   * Removes the tenant's own job; one already gone is fine. Any other entry
   * is refused (ForeignResourceError).
   */
  remove(slug: string, resource: LedgerResource): Promise<void>;
}

/** What a tenant's job is made from, besides its slug. */
export type TenantCiValues = {
  /** The tenant's display name. */
  name: string;
  /** The tenant's production host name. */
  host: string;
};

/** The job `create` made. */
export type TenantCiJob = {
  /** `tenant-<slug>`. */
  name: string;
  /** Where to see it. */
  url: string;
};

/** The job's name, and the deployment environment it deploys to. */
export function tenantCiName(slug: string): string {
  assertValidSlug(slug);
  return `tenant-${slug}`;
}

/**
 * The GitHub Actions workflow that deploys a tenant: by hand
 * (`workflow_dispatch`) and on every push to `main`, to the environment
 * `tenant-<slug>`, one deployment at a time, running the repository's
 * `deploy.sh` with `TENANT_SLUG`, `TENANT_ENVIRONMENT` and `TENANT_HOST` set.
 * YAML written from data, so no value can change its structure.
 */
export function renderTenantWorkflow(
  slug: string,
  values: TenantCiValues,
): string {
  const name = tenantCiName(slug);
  const workflow = {
    name: `Deploy tenant ${slug}`,
    on: {
      workflow_dispatch: {},
      push: { branches: ['main'] },
    },
    concurrency: { group: name, 'cancel-in-progress': false },
    permissions: { contents: 'read', deployments: 'write' },
    jobs: {
      deploy: {
        // Not the tenant's name: GitHub evaluates `${{ }}` in names.
        name: `Deploy tenant ${slug}`,
        'runs-on': 'ubuntu-latest',
        environment: { name, url: `https://${values.host}` },
        env: {
          TENANT_SLUG: slug,
          TENANT_ENVIRONMENT: name,
          TENANT_HOST: values.host,
        },
        steps: [
          { uses: 'actions/checkout@v4' },
          { name: 'Deploy the tenant', run: './deploy.sh' },
        ],
      },
    },
  };
  return `# Deploys tenant ${slug}; made by the portal's tenant:ci:create action, removed with the tenant.\n${stringify(
    workflow,
  )}`;
}
