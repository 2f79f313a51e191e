import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { okJson } from '@internal/openapi-client';
import {
  FleetUpgradeRequest,
  TenantListQuery,
  TenantsApiClient,
  TenantSettingsUpdate,
} from '@internal/plugin-tenant-scaffolder-common';
import { TenantScaffolderApi } from './TenantScaffolderApi';

/**
 * The tenant registry's generated client, with the signed-in user's
 * credentials; a failed call throws the ResponseError its answer describes.
 */
export class TenantScaffolderClient implements TenantScaffolderApi {
  private readonly client: TenantsApiClient;

  constructor(options: {
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
    fetchApi: FetchApi;
  }) {
    this.client = new TenantsApiClient(options);
  }

  async listTenants({ status, plan }: TenantListQuery = {}) {
    const query = { status, plan };
    return (await okJson(this.client.listTenants({ query }))).items;
  }

  getTenant(slug: string) {
    return okJson(this.client.getTenant({ path: { slug } }));
  }

  async getHistory(slug: string, { limit }: { limit?: number } = {}) {
    const request = { path: { slug }, query: { limit } };
    return (await okJson(this.client.getTenantHistory(request))).items;
  }

  async getLedger(slug: string, options: { includeRemoved?: boolean } = {}) {
    const includeRemoved = options.includeRemoved || undefined;
    const request = { path: { slug }, query: { includeRemoved } };
    return (await okJson(this.client.listTenantLedger(request))).items;
  }

  updateSettings(slug: string, update: TenantSettingsUpdate) {
    const request = { path: { slug }, body: update };
    return okJson(this.client.updateTenantSettings(request));
  }

  upgradeToPaid(slug: string) {
    return okJson(this.client.upgradeTenantPlan({ path: { slug } }));
  }

  deleteTenant(slug: string) {
    return okJson(this.client.deleteTenant({ path: { slug } }));
  }

  getSlugAvailability(slug: string) {
    return okJson(this.client.getSlugAvailability({ path: { slug } }));
  }

  async listFleetUpgrades() {
    return (await okJson(this.client.listFleetUpgrades({}))).items;
  }

  startFleetUpgrade(request: FleetUpgradeRequest) {
    return okJson(this.client.startFleetUpgrade({ body: request }));
  }

  getFleetUpgrade(id: number) {
    return okJson(this.client.getFleetUpgrade({ path: { id } }));
  }

  resumeFleetUpgrade(id: number) {
    return okJson(this.client.resumeFleetUpgrade({ path: { id } }));
  }

  cancelFleetUpgrade(id: number) {
    return okJson(this.client.cancelFleetUpgrade({ path: { id } }));
  }

  retryFleetUpgradeTenant(id: number, slug: string) {
    const request = { path: { id, slug } };
    return okJson(this.client.retryFleetUpgradeTenant(request));
  }
}
