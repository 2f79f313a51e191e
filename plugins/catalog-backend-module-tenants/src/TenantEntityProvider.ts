import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { Tenant } from '@internal/plugin-tenant-scaffolder-common';
import { TENANT_LOCATION, tenantEntity } from './tenantEntity';

/** Statuses whose tenants are not in the catalog: nothing of them is running. */
const ABSENT = new Set(['failed', 'deleted']);

/**
 * Keeps one catalog Resource per tenant in the registry: every run replaces
 * the provider's whole set, so deleted tenants leave the catalog.
 */
export class TenantEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly options: {
      taskRunner: SchedulerServiceTaskRunner;
      loadTenants: () => Promise<Tenant[]>;
      logger: LoggerService;
      appBaseUrl?: string;
      domain?: string;
    },
  ) {}

  getProviderName(): string {
    return 'tenant-scaffolder';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner.run({
      id: 'tenant-scaffolder-entity-provider',
      fn: () => this.refresh(),
    });
  }

  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error('tenant entity provider is not connected');
    }
    const tenants = (await this.options.loadTenants()).filter(
      tenant => !ABSENT.has(tenant.status),
    );
    await this.connection.applyMutation({
      type: 'full',
      entities: tenants.map(tenant => ({
        entity: tenantEntity(tenant, this.options),
        locationKey: TENANT_LOCATION,
      })),
    });
    this.options.logger.debug(
      `Provided ${tenants.length} tenants to the catalog`,
    );
  }
}
