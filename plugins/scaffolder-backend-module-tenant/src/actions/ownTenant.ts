import { NotAllowedError } from '@backstage/errors';
import { RegisteredTenant } from '../registry/TenantRegistryClient';
import { TenantActionDeps } from './TenantActionDeps';

/**
 * The tenant a provisioning step acts on, when the step's own task
 * registered it. A step's slug is the template's input: without this, a
 * step named with another tenant's slug would undo that tenant's
 * resources, or report it ready or failed.
 */
export async function ownTenant(
  deps: Pick<TenantActionDeps, 'registry'>,
  slug: string,
  taskId: string,
): Promise<RegisteredTenant> {
  const tenant = await deps.registry.get(slug);
  if (!tenant) {
    throw new Error(`tenant ${slug} is not registered`);
  }
  if (tenant.provisioningTask !== taskId) {
    throw new NotAllowedError(
      `tenant ${slug} was not registered by this task: provisioning steps act only on the tenant their own task registered`,
    );
  }
  return tenant;
}
