/**
 * A resource the portal made for a tenant, as its ledger records it. Undo
 * and delete remove exactly the resources in the ledger, nothing else.
 */
export type LedgerResource = {
  /** `postgres-role`, `postgres-database`, `sqlite-file`, `dns-record`, ... */
  type: string;
  /** What names it uniquely within its type: a database name, a path, a record id. */
  id: string;
  details?: Record<string, string>;
};

/**
 * Records a resource in the tenant's ledger. Steps record a resource before
 * they create it, so a crash in between leaves an entry whose undo finds
 * nothing to remove, never an unrecorded resource.
 */
export type RecordResource = (resource: LedgerResource) => Promise<void>;
