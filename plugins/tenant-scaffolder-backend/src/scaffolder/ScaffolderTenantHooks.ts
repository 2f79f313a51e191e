import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { TenantUpgrader } from '../fleet/TenantUpgrader';

/** How long one call may take: an upgrade redeploys and waits for the health check. */
const TIMEOUT_MS = 5 * 60_000;

/**
 * The scaffolder's tenant module, which holds the provisioning drivers,
 * called with this plugin's service token: it upgrades a tenant (rewrites
 * its config files and redeploys its service, leaving the previous version
 * serving when the new one is not healthy) and writes a tenant's changed
 * settings into the config its instance reads.
 */
export class ScaffolderTenantHooks implements TenantUpgrader {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

  async upgrade(slug: string, version: string): Promise<void> {
    await this.post(`/tenant-upgrades/${encodeURIComponent(slug)}`, {
      version,
    });
  }

  /** Whether a config file of the portal's was there to take the settings. */
  async refreshConfig(slug: string): Promise<boolean> {
    const { written } = await this.post(
      `/tenant-config/${encodeURIComponent(slug)}/refresh`,
      {},
    );
    return Boolean(written);
  }

  private async post(path: string, body: object) {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('scaffolder');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      // The module's own message ("health check answered 503"), not the status line.
      const error = await ResponseError.fromResponse(response);
      throw new Error(error.body.error.message);
    }
    return response.json();
  }
}
