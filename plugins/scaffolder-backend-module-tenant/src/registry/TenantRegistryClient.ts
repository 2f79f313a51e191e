import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { okJson, RequestOptions } from '@internal/openapi-client';
import {
  RegisteredTenant,
  TenantLedgerEntry,
  TenantsApiClient,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';

export type { RegisteredTenant } from '@internal/plugin-tenant-scaffolder-common';

export type LedgerEntry = TenantLedgerEntry;

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

/**
 * The tenant registry's generated client, with the scaffolder's own service
 * credentials: the registry takes registration, status and ledger writes
 * from this identity alone. A failed call throws its ResponseError.
 */
export class TenantRegistryClient implements TenantRegistryApi {
  private readonly client: TenantsApiClient;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
    },
  ) {
    this.client = new TenantsApiClient({ discoveryApi: options.discovery });
  }

  async register(tenant: Record<string, unknown>): Promise<{ slug: string }> {
    return okJson(
      this.client.registerTenant({ body: tenant }, await this.as()),
    );
  }

  async get(slug: string) {
    const response = await this.client.getTenant(
      { path: { slug } },
      await this.as(),
    );
    return response.status === 404 ? undefined : okJson(response);
  }

  async slugsWithStatus(status: TenantStatus) {
    const { items } = await okJson(
      this.client.listTenants({ query: { status } }, await this.as()),
    );
    return items.map(tenant => tenant.slug);
  }

  async tenantUrl(slug: string) {
    const baseUrl = await this.options.discovery.getExternalBaseUrl(PLUGIN_ID);
    return `${baseUrl}/tenants/${encodeURIComponent(slug)}`;
  }

  async recordResource(slug: string, entry: NewLedgerEntry) {
    return okJson(
      this.client.recordTenantResource(
        { path: { slug }, body: entry },
        await this.as(),
      ),
    );
  }

  async liveResources(slug: string) {
    const { items } = await okJson(
      this.client.listTenantLedger({ path: { slug } }, await this.as()),
    );
    return items;
  }

  async markRemoved(slug: string, entryId: number) {
    await okJson(
      this.client.markTenantResourceRemoved(
        { path: { slug, id: entryId } },
        await this.as(),
      ),
    );
  }

  async markRefused(slug: string, entryId: number, reason: string) {
    await okJson(
      this.client.recordTenantResourceRefusal(
        {
          path: { slug, id: entryId },
          body: { reason: reason.slice(0, 1000) },
        },
        await this.as(),
      ),
    );
  }

  async reportStatus(
    slug: string,
    status: Exclude<TenantStatus, 'deleting'>,
    detail?: string,
  ) {
    await okJson(
      this.client.reportTenantStatus(
        { path: { slug }, body: { status, detail: detail?.slice(0, 1000) } },
        await this.as(),
      ),
    );
  }

  /** The scaffolder's own token for the registry. */
  private async as(): Promise<RequestOptions> {
    const { auth } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: PLUGIN_ID,
    });
    return { token };
  }
}
