// A tenant's ledger records resources as every owner's does, in the shape
// the shared drivers (@internal/backend-databases) record them.
export type {
  LedgerResource,
  RecordResource,
} from '@internal/backend-databases';
