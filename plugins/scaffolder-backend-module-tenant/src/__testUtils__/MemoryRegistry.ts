import { TenantStatus } from '@internal/plugin-tenant-scaffolder-common';
import {
  LedgerEntry,
  NewLedgerEntry,
  RegisteredTenant,
  TenantRegistryApi,
} from '../registry/TenantRegistryClient';

/** The registry's ledger semantics, in memory: records are idempotent per resource. */
export class MemoryRegistry implements TenantRegistryApi {
  tenants = new Map<string, { status: TenantStatus; detail?: string }>();
  ledger: LedgerEntry[] = [];
  registered: Record<string, unknown>[] = [];

  async register(tenant: Record<string, unknown>) {
    const slug = tenant.slug as string;
    if (this.tenants.has(slug)) throw new Error(`${slug} is taken`);
    this.registered.push(tenant);
    this.tenants.set(slug, { status: 'provisioning' });
    return { slug };
  }
  async get(slug: string) {
    const tenant = this.tenants.get(slug);
    const registered = this.registered.find(t => t.slug === slug);
    return (
      tenant &&
      // What provisioning reads of a tenant; the rest it never looks at.
      ({
        slug,
        status: tenant.status,
        name: String(registered?.name),
        settings: (registered?.settings ?? {}) as Record<string, unknown>,
        version: String(registered?.version ?? ''),
        provisioningTask: registered?.provisioningTask as string | undefined,
      } as RegisteredTenant)
    );
  }
  refusals: Array<{ slug: string; id: number; reason: string }> = [];
  async markRefused(slug: string, id: number, reason: string) {
    this.refusals.push({ slug, id, reason });
  }
  async slugsWithStatus(status: TenantStatus) {
    return [...this.tenants]
      .filter(([, tenant]) => tenant.status === status)
      .map(([slug]) => slug);
  }
  async tenantUrl(slug: string) {
    return `http://localhost:7007/api/tenant-scaffolder/tenants/${slug}`;
  }
  async recordResource(slug: string, entry: NewLedgerEntry) {
    const existing = this.ledger.find(
      e =>
        e.resourceType === entry.resourceType &&
        e.resourceId === entry.resourceId &&
        !e.removedAt,
    );
    if (existing) return existing;
    const recorded = {
      id: this.ledger.length + 1,
      slug,
      createdAt: new Date().toISOString(),
      removedAt: null,
      ...entry,
    };
    this.ledger.push(recorded);
    return recorded;
  }
  async liveResources() {
    return this.ledger.filter(entry => !entry.removedAt);
  }
  async markRemoved(_slug: string, id: number) {
    this.ledger.find(entry => entry.id === id)!.removedAt = 'now';
  }
  async reportStatus(slug: string, status: TenantStatus, detail?: string) {
    this.tenants.set(slug, { status, detail });
  }
}
