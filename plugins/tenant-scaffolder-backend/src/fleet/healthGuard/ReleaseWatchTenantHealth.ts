import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { okJson } from '@internal/openapi-client';
import { ReleaseWatchApiClient } from '@internal/plugin-release-watch-common';
import { tenantEnvironment } from '@internal/plugin-tenant-scaffolder-common';
import { TenantHealth } from './compareTenantHealth';

/** Environments asked for in one call, so its address stays short. */
const CHUNK = 100;
const TIMEOUT_MS = 30_000;

/** Where the health guard reads how tenants fare. */
export interface TenantHealthSource {
  /** Each tenant's figures from `since` until now, in the order of `slugs`. */
  read(slugs: string[], since: Date, metric?: string): Promise<TenantHealth[]>;
}

/**
 * Release Watch's `GET /environments`, asked with this plugin's service
 * token for each tenant's production environment (`tenant-<slug>`):
 * incidents opened, failed production deployments and the metric's
 * samples in the window.
 */
export class ReleaseWatchTenantHealth implements TenantHealthSource {
  private readonly client: ReleaseWatchApiClient;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {
    this.client = new ReleaseWatchApiClient({
      discoveryApi: options.discovery,
    });
  }

  async read(
    slugs: string[],
    since: Date,
    metric?: string,
  ): Promise<TenantHealth[]> {
    const { auth } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'release-watch',
    });
    const health: TenantHealth[] = [];
    for (let i = 0; i < slugs.length; i += CHUNK) {
      const environments = slugs.slice(i, i + CHUNK).map(tenantEnvironment);
      const answer = await okJson(
        this.client.getEnvironments(
          {
            query: {
              from: day(since),
              to: day(new Date()),
              since: since.toISOString(),
              environment: environments,
              ...(metric && { metric }),
            },
          },
          { token, signal: AbortSignal.timeout(TIMEOUT_MS) },
        ),
      );
      for (const name of environments) {
        const figures = answer.environments.find(e => e.environment === name);
        if (!figures) {
          throw new Error(`Release Watch left out the environment ${name}`);
        }
        health.push({
          incidents: figures.incidents,
          failedDeployments: figures.failedDeployments,
          metric: figures.metric,
        });
      }
    }
    return health;
  }
}

/** The UTC date, `YYYY-MM-DD`, as Release Watch's `from` and `to` take it. */
function day(time: Date): string {
  return time.toISOString().slice(0, 10);
}
