/** Brings one tenant's running instance to a version; throws when it did not get there. */
export interface TenantUpgrader {
  upgrade(slug: string, version: string): Promise<void>;
}
