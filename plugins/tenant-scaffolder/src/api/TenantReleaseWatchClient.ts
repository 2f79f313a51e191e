import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { okJson } from '@internal/openapi-client';
import { ReleaseWatchApiClient } from '@internal/plugin-release-watch-common';
import { tenantEnvironment } from '@internal/plugin-tenant-scaffolder-common';
import { TenantReleaseWatchApi } from './TenantReleaseWatchApi';

/** {@link TenantReleaseWatchApi} over Release Watch's generated client: `GET /environments`. */
export class TenantReleaseWatchClient implements TenantReleaseWatchApi {
  private readonly client: ReleaseWatchApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new ReleaseWatchApiClient(options);
  }

  async getTenantFigures(slug: string, range: { from: string; to: string }) {
    const environment = tenantEnvironment(slug);
    const answer = await okJson(
      this.client.getEnvironments({
        query: { from: range.from, to: range.to, environment: [environment] },
      }),
    );
    const figures = answer.environments.find(
      e => e.environment === environment,
    );
    if (!figures) {
      throw new Error(`Release Watch left out the environment ${environment}`);
    }
    return figures;
  }
}
