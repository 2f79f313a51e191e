import { DeploymentEvent } from '@internal/plugin-release-watch-common';
import { tenantEnvironment } from '@internal/plugin-tenant-scaffolder-common';
import { TenantDeployment } from '../tenants/tenantChanges';

/**
 * The catalog entity a tenant becomes: the Resource `tenant-<slug>` that
 * catalog-backend-module-tenants provides. Release Watch attributes the
 * deployment to it when the catalog knows it, and stores it anyway when not.
 */
export function tenantEntityRef(slug: string): string {
  return `resource:default/tenant-${slug}`;
}

/**
 * The Release Watch event of a deployment of a tenant's production
 * environment. Its id names the tenant and the revision of the change that
 * reported it, so sending it again stores nothing new.
 */
export function tenantDeploymentEvent(
  slug: string,
  deployment: TenantDeployment,
  options: { revision: number; at: Date },
): DeploymentEvent & { id: string } {
  return {
    kind: 'deployment',
    id: `tenant-scaffolder:${slug}:revision-${options.revision}`,
    at: options.at.toISOString(),
    entityRef: tenantEntityRef(slug),
    environment: tenantEnvironment(slug),
    production: true,
    status: deployment.status,
    // A tenant registered without a version has none to name.
    ...(deployment.version && { version: deployment.version }),
  };
}
