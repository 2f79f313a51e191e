import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { TenantConfigFiles } from '../provisioning/config/TenantConfigFiles';
import { TenantServiceDeployer } from '../provisioning/deploy/TenantServiceDeployer';
import { TenantRegistryApi } from '../registry/TenantRegistryClient';

/**
 * One tenant to another version: its rendered config files first, then its
 * service redeployed on the version. When the new version does not become
 * healthy the files are put back, and the deploy target has left the old
 * version serving, so a failed upgrade changes nothing the tenant sees. The
 * registry's version and status are the fleet upgrade's to set.
 */
export class TenantUpgrade {
  constructor(
    private readonly registry: TenantRegistryApi,
    private readonly configFiles: TenantConfigFiles,
    private readonly services: TenantServiceDeployer,
    private readonly logger: LoggerService,
  ) {}

  async upgrade(
    slug: string,
    version: string,
  ): Promise<{ slug: string; version: string; url?: string }> {
    if (!(await this.registry.get(slug))) {
      throw new NotFoundError(`No tenant '${slug}'`);
    }
    const live = await this.registry.liveResources(slug);
    const files = this.configFiles.setVersion(
      slug,
      version,
      live.map(entry => entry.resourceId),
    );
    if (!live.some(entry => this.services.isDeployment(slug, entry))) {
      return { slug, version };
    }
    try {
      const { url } = await this.services.redeploy(
        slug,
        { configFile: this.configFiles.configFile(slug), version },
        message => this.logger.info(`Upgrading tenant ${slug}: ${message}`),
      );
      return { slug, version, url };
    } catch (error) {
      files.restore();
      throw error;
    }
  }
}
