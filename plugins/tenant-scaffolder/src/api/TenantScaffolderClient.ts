import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  FleetUpgrade,
  FleetUpgradeDetails,
  FleetUpgradeRequest,
  FleetUpgradeTenant,
  TenantLedgerEntry,
} from '@internal/plugin-tenant-scaffolder-common';
import {
  RegisteredTenant,
  SettingsUpdateResult,
  SlugAvailability,
  TenantDetails,
  TenantHistoryEntry,
  TenantListQuery,
  TenantScaffolderApi,
  TenantSettingsUpdate,
} from './TenantScaffolderApi';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export class TenantScaffolderClient implements TenantScaffolderApi {
  constructor(
    private readonly options: {
      discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
      fetchApi: FetchApi;
    },
  ) {}

  async listTenants(query: TenantListQuery = {}) {
    const params: Array<[string, string]> = [];
    if (query.status) params.push(['status', query.status]);
    if (query.plan) params.push(['plan', query.plan]);
    const { items } = await this.request<{ items: RegisteredTenant[] }>(
      'GET',
      '/tenants',
      { params },
    );
    return items;
  }

  getTenant(slug: string) {
    return this.request<TenantDetails>('GET', `/tenants/${enc(slug)}`);
  }

  async getHistory(slug: string, options: { limit?: number } = {}) {
    const params: Array<[string, string]> =
      options.limit !== undefined ? [['limit', String(options.limit)]] : [];
    const { items } = await this.request<{ items: TenantHistoryEntry[] }>(
      'GET',
      `/tenants/${enc(slug)}/history`,
      { params },
    );
    return items;
  }

  async getLedger(slug: string, options: { includeRemoved?: boolean } = {}) {
    const params: Array<[string, string]> = options.includeRemoved
      ? [['includeRemoved', 'true']]
      : [];
    const { items } = await this.request<{ items: TenantLedgerEntry[] }>(
      'GET',
      `/tenants/${enc(slug)}/ledger`,
      { params },
    );
    return items;
  }

  updateSettings(slug: string, update: TenantSettingsUpdate) {
    return this.request<SettingsUpdateResult>(
      'PATCH',
      `/tenants/${enc(slug)}/settings`,
      { body: update },
    );
  }

  upgradeToPaid(slug: string) {
    return this.request<RegisteredTenant>(
      'POST',
      `/tenants/${enc(slug)}/upgrade`,
    );
  }

  deleteTenant(slug: string) {
    return this.request<RegisteredTenant>('DELETE', `/tenants/${enc(slug)}`);
  }

  getSlugAvailability(slug: string) {
    return this.request<SlugAvailability>('GET', `/slugs/${enc(slug)}`);
  }

  async listFleetUpgrades() {
    const { items } = await this.request<{ items: FleetUpgrade[] }>(
      'GET',
      '/fleet-upgrades',
    );
    return items;
  }

  startFleetUpgrade(request: FleetUpgradeRequest) {
    return this.request<FleetUpgradeDetails>('POST', '/fleet-upgrades', {
      body: request,
    });
  }

  getFleetUpgrade(id: number) {
    return this.request<FleetUpgradeDetails>('GET', `/fleet-upgrades/${id}`);
  }

  resumeFleetUpgrade(id: number) {
    return this.request<FleetUpgrade>('POST', `/fleet-upgrades/${id}/resume`);
  }

  cancelFleetUpgrade(id: number) {
    return this.request<FleetUpgrade>('POST', `/fleet-upgrades/${id}/cancel`);
  }

  retryFleetUpgradeTenant(id: number, slug: string) {
    return this.request<FleetUpgradeTenant>(
      'POST',
      `/fleet-upgrades/${id}/tenants/${enc(slug)}/retry`,
    );
  }

  private async request<T>(
    method: Method,
    path: string,
    options: { params?: Array<[string, string]>; body?: unknown } = {},
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      'tenant-scaffolder',
    );
    const query = new URLSearchParams(options.params ?? []).toString();
    const url = `${baseUrl}${path}${query ? `?${query}` : ''}`;
    const init: RequestInit = { method };
    if (options.body !== undefined) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify(options.body);
    }
    const response = await this.options.fetchApi.fetch(url, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function enc(segment: string) {
  return encodeURIComponent(segment);
}
