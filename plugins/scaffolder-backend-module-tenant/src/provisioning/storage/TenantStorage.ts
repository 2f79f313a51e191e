import { LedgerResource, RecordResource } from '../LedgerResource';

/**
 * A tenant's storage: one prefix per tenant in one shared bucket (or a
 * folder per tenant locally), filled with the initial assets.
 */
export interface TenantStorage {
  readonly resourceTypes: string[];

  describe(slug: string): string[];

  /**
   * Creates the tenant's prefix and copies `assetsDir` into it. Refuses when
   * the prefix holds anything already. Returns where the tenant's files are.
   */
  create(
    slug: string,
    assetsDir: string,
    record: RecordResource,
  ): Promise<string>;

  /**
   * Removes everything under the tenant's own prefix, when the entry names
   * exactly it; nothing there is fine. Any other entry is refused
   * (ForeignResourceError).
   */
  remove(slug: string, resource: LedgerResource): Promise<void>;
}
