import { DeployLog, DeployTarget } from '@internal/backend-deploy-targets';
import { LedgerResource, RecordResource } from '../LedgerResource';
import { assertValidSlug } from '../assertValidSlug';
import { assertOwnedName } from '../ownership';

const DEPLOYMENT = 'deployment';

/**
 * Where a tenant's service is deployed from: for the local target a git
 * repository at `ref`; for ECS an image repository, with the tenant's
 * version as the image tag.
 */
export type TenantServiceSource = {
  repository: string;
  /** The git ref or image tag every tenant runs; default the tenant's version. */
  ref?: string;
};

/**
 * Runs a tenant's service through the deploy target review environments use
 * (local processes on the embedded default, or AWS ECS): the environment
 * `tenant-<slug>`, started from `source` at `source.ref` or else the
 * tenant's version, with the tenant's config file in its environment,
 * healthy before it counts. Undone by tearing the environment down.
 */
export class TenantServiceDeployer {
  readonly resourceTypes = [DEPLOYMENT];

  constructor(
    private readonly target: DeployTarget,
    private readonly source: TenantServiceSource,
  ) {}

  describe(slug: string): string[] {
    const { repository, ref } = this.source;
    const from = ref
      ? `${repository}@${ref}`
      : `${repository} at the tenant's version`;
    return [
      `deploy ${from} as ${environmentId(slug)} on the ${
        this.target.type
      } target`,
    ];
  }

  async deploy(
    slug: string,
    tenant: { configFile: string; version: string },
    record: RecordResource,
    log: DeployLog,
  ): Promise<{ url: string; version: string }> {
    await record({
      type: DEPLOYMENT,
      id: environmentId(slug),
      details: { target: this.target.type },
    });
    return this.redeploy(slug, tenant, log);
  }

  /**
   * Deploys the tenant's service again, on `tenant.version`. The deploy
   * target keeps the running version serving until the new one is healthy,
   * and leaves it serving when the new one is not.
   */
  async redeploy(
    slug: string,
    tenant: { configFile: string; version: string },
    log: DeployLog,
  ): Promise<{ url: string; version: string }> {
    const deployment = await this.target.deploy(
      {
        environmentId: environmentId(slug),
        source: {
          repository: this.source.repository,
          ref: this.source.ref ?? tenant.version,
        },
        env: {
          TENANT_SLUG: slug,
          TENANT_CONFIG_FILE: tenant.configFile,
          TENANT_VERSION: tenant.version,
        },
      },
      log,
    );
    return { url: deployment.url, version: deployment.version };
  }

  /** Whether the ledger entry is this driver's deployment of the tenant. */
  isDeployment(
    slug: string,
    entry: { resourceType: string; resourceId: string },
  ) {
    return (
      entry.resourceType === DEPLOYMENT &&
      entry.resourceId === environmentId(slug)
    );
  }

  /** Tears down the tenant's own environment; any other entry is refused. */
  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const id = environmentId(slug);
    assertOwnedName(slug, resource, DEPLOYMENT, [id]);
    await this.target.teardown(id);
  }

  /** After a restart: re-attach to the tenants' running services, reap dead ones. */
  recover() {
    return this.target.recover();
  }
}

function environmentId(slug: string) {
  assertValidSlug(slug);
  return `tenant-${slug}`;
}
