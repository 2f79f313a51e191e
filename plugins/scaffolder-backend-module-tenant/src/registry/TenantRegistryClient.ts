import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  TenantLedgerEntry,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';

export type LedgerEntry = TenantLedgerEntry;

/** What provisioning reads of a registered tenant. */
export type RegisteredTenant = {
  slug: string;
  status: TenantStatus;
  name: string;
  version: string;
  /** The scaffolder task that registered it. */
  provisioningTask?: string;
  /** Branding, mail (never a password), footer, analytics. */
  settings: Record<string, unknown>;
};

export type NewLedgerEntry = Pick<
  LedgerEntry,
  'step' | 'resourceType' | 'resourceId' | 'details'
>;

/** What provisioning needs from the tenant registry (the tenant-scaffolder backend). */
export interface TenantRegistryApi {
  /** Registers a new tenant, status `provisioning`. */
  register(tenant: Record<string, unknown>): Promise<{ slug: string }>;
  /** Undefined when no tenant has the slug. */
  get(slug: string): Promise<RegisteredTenant | undefined>;
  /** Slugs of the tenants in a status, e.g. `deleting`. */
  slugsWithStatus(status: TenantStatus): Promise<string[]>;
  /** The tenant's address in the registry's REST API, where its instance reads its settings. */
  tenantUrl(slug: string): Promise<string>;
  recordResource(slug: string, entry: NewLedgerEntry): Promise<LedgerEntry>;
  /** The live (not yet removed) resources, oldest first. */
  liveResources(slug: string): Promise<LedgerEntry[]>;
  markRemoved(slug: string, entryId: number): Promise<void>;
  /** Notes in the tenant's history that a remover refused the entry; it stays live. */
  markRefused(slug: string, entryId: number, reason: string): Promise<void>;
  reportStatus(
    slug: string,
    status: Exclude<TenantStatus, 'deleting'>,
    detail?: string,
  ): Promise<void>;
}

const PLUGIN_ID = 'tenant-scaffolder';

/** Calls the tenant registry's REST API with the scaffolder's own service credentials. */
export class TenantRegistryClient implements TenantRegistryApi {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {}

  async register(tenant: Record<string, unknown>): Promise<{ slug: string }> {
    return this.request('POST', '/tenants', tenant);
  }

  async get(slug: string) {
    try {
      return await this.request<RegisteredTenant>(
        'GET',
        `/tenants/${encodeURIComponent(slug)}`,
      );
    } catch (error) {
      if (error instanceof ResponseError && error.response.status === 404) {
        return undefined;
      }
      throw error;
    }
  }

  async slugsWithStatus(status: TenantStatus) {
    const { items } = await this.request<{ items: Array<{ slug: string }> }>(
      'GET',
      `/tenants?status=${encodeURIComponent(status)}`,
    );
    return items.map(tenant => tenant.slug);
  }

  async tenantUrl(slug: string) {
    const baseUrl = await this.options.discovery.getExternalBaseUrl(PLUGIN_ID);
    return `${baseUrl}/tenants/${encodeURIComponent(slug)}`;
  }

  async recordResource(slug: string, entry: NewLedgerEntry) {
    return this.request<LedgerEntry>(
      'POST',
      `/tenants/${encodeURIComponent(slug)}/ledger`,
      entry,
    );
  }

  async liveResources(slug: string) {
    const { items } = await this.request<{ items: LedgerEntry[] }>(
      'GET',
      `/tenants/${encodeURIComponent(slug)}/ledger`,
    );
    return items;
  }

  async markRemoved(slug: string, entryId: number) {
    await this.request(
      'POST',
      `/tenants/${encodeURIComponent(slug)}/ledger/${entryId}/removed`,
    );
  }

  async markRefused(slug: string, entryId: number, reason: string) {
    await this.request(
      'POST',
      `/tenants/${encodeURIComponent(slug)}/ledger/${entryId}/refused`,
      { reason: reason.slice(0, 1000) },
    );
  }

  async reportStatus(
    slug: string,
    status: Exclude<TenantStatus, 'deleting'>,
    detail?: string,
  ) {
    await this.request('POST', `/tenants/${encodeURIComponent(slug)}/status`, {
      status,
      detail: detail?.slice(0, 1000),
    });
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl(PLUGIN_ID);
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: PLUGIN_ID,
    });
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
