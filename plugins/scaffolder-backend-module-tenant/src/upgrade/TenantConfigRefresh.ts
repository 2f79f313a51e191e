import { NotFoundError } from '@backstage/errors';
import { TenantConfigFiles } from '../provisioning/config/TenantConfigFiles';
import { TenantRegistryApi } from '../registry/TenantRegistryClient';

/**
 * Brings a tenant's config.yml up to date with its settings in the
 * registry, which stays the one source: the registry says a tenant's
 * settings changed, this reads them back and writes them where the
 * instance reads them on every request.
 */
export class TenantConfigRefresh {
  constructor(
    private readonly registry: TenantRegistryApi,
    private readonly configFiles: TenantConfigFiles,
  ) {}

  async refresh(slug: string): Promise<{ slug: string; written: boolean }> {
    const tenant = await this.registry.get(slug);
    if (!tenant) throw new NotFoundError(`No tenant '${slug}'`);
    const live = await this.registry.liveResources(slug);
    const written = this.configFiles.setSettings(
      slug,
      tenant.settings,
      live.map(entry => entry.resourceId),
    );
    return { slug, written };
  }
}
