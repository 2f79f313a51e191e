/**
 * A tenant's production environment: the name its service is deployed
 * under and the `environment` its deployments, incidents and metric
 * samples carry in Release Watch, e.g. `tenant-acme`.
 */
export function tenantEnvironment(slug: string): string {
  return `tenant-${slug}`;
}
