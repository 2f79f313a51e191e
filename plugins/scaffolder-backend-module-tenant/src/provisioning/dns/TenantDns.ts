import { LedgerResource, RecordResource } from '../LedgerResource';
import { assertValidSlug } from '../assertValidSlug';

/** A tenant's DNS names: `<slug>.<domain>` for production, `<slug>.staging.<domain>` for staging. */
export interface TenantDns {
  readonly resourceTypes: string[];

  describe(slug: string): string[];

  /** The names `create` makes for a tenant. */
  hostnames(slug: string): TenantHostnames;

  /** Creates both records; refuses, creating neither, when either name has records already. */
  create(slug: string, record: RecordResource): Promise<TenantHostnames>;

  /**
   * Removes a record of one of the tenant's own names carrying the tenant's
   * marker; one already gone is fine. Any other entry is refused
   * (ForeignResourceError).
   */
  remove(slug: string, resource: LedgerResource): Promise<void>;
}

export type TenantHostnames = { production: string; staging: string };

/** Where each environment's name points (CNAME targets). */
export type DnsTargets = { production: string; staging: string };

export function tenantHostnames(slug: string, domain: string): TenantHostnames {
  assertValidSlug(slug);
  return {
    production: `${slug}.${domain}`,
    staging: `${slug}.staging.${domain}`,
  };
}

/** Marks records as the portal's, so removal never touches anyone else's. */
export function dnsMarker(slug: string) {
  return `portal tenant ${slug}`;
}
