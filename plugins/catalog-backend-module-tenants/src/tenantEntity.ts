import { ResourceEntityV1alpha1 } from '@backstage/catalog-model';
import { Tenant } from '@internal/plugin-tenant-scaffolder-common';

export const TENANT_LOCATION = 'tenant-scaffolder:tenants';

/**
 * A tenant as a catalog Resource of type `tenant`: owned by the tenant's
 * owning group, tagged with its plan and status, linked to its page in the
 * portal and to where it serves.
 */
export function tenantEntity(
  tenant: Tenant,
  options: { appBaseUrl?: string; domain?: string },
): ResourceEntityV1alpha1 {
  const links = [];
  if (options.appBaseUrl) {
    links.push({
      url: `${options.appBaseUrl}/tenants/${tenant.slug}`,
      title: 'Tenant registry',
    });
  }
  if (options.domain) {
    links.push(
      { url: `https://${tenant.slug}.${options.domain}`, title: 'Production' },
      {
        url: `https://${tenant.slug}.staging.${options.domain}`,
        title: 'Staging',
      },
    );
  }
  const plan =
    tenant.plan.kind === 'trial' ? `trial until ${tenant.plan.endsOn}` : 'paid';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `tenant-${tenant.slug}`,
      title: tenant.name,
      description: `Customer tenant ${tenant.slug}: ${plan}, ${tenant.region}, version ${tenant.version}, ${tenant.status}.`,
      annotations: {
        'backstage.io/managed-by-location': TENANT_LOCATION,
        'backstage.io/managed-by-origin-location': TENANT_LOCATION,
        'tenant-scaffolder/slug': tenant.slug,
        'tenant-scaffolder/plan': tenant.plan.kind,
      },
      tags: [
        'tenant',
        tenant.plan.kind,
        tenant.status,
        tenant.region.toLowerCase(),
      ],
      links,
    },
    spec: {
      type: 'tenant',
      owner: tenant.owner,
    },
  };
}
