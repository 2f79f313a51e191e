import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';

/** Brings one tenant's running instance to a version; throws when it did not get there. */
export interface TenantUpgrader {
  upgrade(slug: string, version: string): Promise<void>;
}

/** How long one tenant's upgrade may take: a redeploy waits for its health check. */
const UPGRADE_TIMEOUT_MS = 5 * 60_000;

/**
 * Upgrades through the scaffolder's tenant module, which holds the
 * provisioning drivers: it rewrites the tenant's config and redeploys its
 * service, leaving the previous version serving when the new one is not
 * healthy.
 */
export class ScaffolderTenantUpgrader implements TenantUpgrader {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

  async upgrade(slug: string, version: string): Promise<void> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('scaffolder');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(
      `${baseUrl}/tenant-upgrades/${encodeURIComponent(slug)}`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ version }),
        signal: AbortSignal.timeout(UPGRADE_TIMEOUT_MS),
      },
    );
    if (!response.ok) {
      throw new Error(await failureMessage(response));
    }
  }
}

/** The error's own message from a Backstage error body, else the status and text. */
async function failureMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON
  }
  return `${response.status} ${response.statusText}: ${text.slice(0, 500)}`;
}
