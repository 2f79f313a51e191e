import { createApiRef } from '@backstage/frontend-plugin-api';
import { EnvironmentFigures } from '@internal/plugin-release-watch-common';

export type { EnvironmentFigures };

/** Release Watch, as a tenant's page reads it. */
export interface TenantReleaseWatchApi {
  /**
   * The figures of the tenant's production environment (`tenant-<slug>`)
   * from `from` to `to` (`YYYY-MM-DD`, both included).
   */
  getTenantFigures(
    slug: string,
    range: { from: string; to: string },
  ): Promise<EnvironmentFigures>;
}

export const tenantReleaseWatchApiRef =
  createApiRef<TenantReleaseWatchApi>().with({
    id: 'plugin.tenant-scaffolder.release-watch',
    pluginId: 'tenant-scaffolder',
  });
