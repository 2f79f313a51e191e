import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { okJson, TypedResponse } from '@internal/openapi-client';
import { TenantHooksApiClient } from '@internal/plugin-tenant-scaffolder-node';
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
  private readonly client: TenantHooksApiClient;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {
    this.client = new TenantHooksApiClient({ discoveryApi: options.discovery });
  }

  async upgrade(slug: string, version: string): Promise<void> {
    await this.answer(
      this.client.upgradeTenant(
        { path: { slug }, body: { version } },
        await this.requestOptions(),
      ),
    );
  }

  /** Whether a config file of the portal's was there to take the settings. */
  async refreshConfig(slug: string): Promise<boolean> {
    const { written } = await this.answer(
      this.client.refreshTenantConfig(
        { path: { slug } },
        await this.requestOptions(),
      ),
    );
    return written;
  }

  private async requestOptions() {
    const { auth } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    return { token, signal: AbortSignal.timeout(TIMEOUT_MS) };
  }

  private async answer<T>(call: Promise<TypedResponse<T>>): Promise<T> {
    try {
      return await okJson(call);
    } catch (error) {
      // The module's own message ("health check answered 503"), not the status line.
      if (error instanceof ResponseError) {
        throw new Error(error.body.error.message);
      }
      throw error;
    }
  }
}
