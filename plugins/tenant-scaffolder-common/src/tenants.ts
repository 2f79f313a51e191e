/** A customer instance as the tenant registry keeps it. */
export type Tenant = {
  /** DNS label, unique, never reused while the tenant exists: `acme`. */
  slug: string;
  /** The customer's name: `Acme Corp`. */
  name: string;
  plan: TenantPlan;
  region: string;
  status: TenantStatus;
  /** The application version the tenant runs. */
  version: string;
  settings: TenantSettings;
  /** Catalog entity ref of the owning group. */
  owner: string;
  /** The scaffolder task that registered it: its provisioning steps act on this tenant alone. */
  provisioningTask?: string;
  createdAt: string;
  updatedAt: string;
};

export type TenantPlan =
  | { kind: 'trial'; /** YYYY-MM-DD */ endsOn: string }
  | { kind: 'paid' };

export type TenantStatus =
  /** Being provisioned. */
  | 'provisioning'
  | 'ready'
  /** A step failed and every completed step was undone. */
  | 'failed'
  /** A step failed and an undo failed too: see the ledger for what is left. */
  | 'needs-cleanup'
  | 'upgrading'
  | 'deleting'
  | 'deleted';

/** What a tenant's running instance reads at run time; changes apply without a restart. */
export type TenantSettings = {
  branding: {
    /** Hex colours: `#1f6feb`. */
    palette: { primary: string; secondary: string; background: string };
    logoUrl?: string;
  };
  mail:
    | {
        /** Sends as `<slug>@<clients domain>` from the platform's mail service. */
        mode: 'platform';
      }
    | {
        mode: 'smtp';
        host: string;
        port: number;
        username: string;
        fromAddress: string;
        /** Never returned by the API: whether a password is stored. */
        hasPassword?: boolean;
      };
  footer: {
    address?: string;
    links: Array<{ label: string; url: string }>;
  };
  analyticsId?: string;
};

/** A resource the portal made for a tenant, as its ledger keeps it: undo and delete remove exactly these. */
export type TenantLedgerEntry = {
  id: number;
  slug: string;
  /** The provisioning step that made it: `database`. */
  step: string;
  /** `postgres-database`, `dns-record`, ... */
  resourceType: string;
  /** What names it uniquely within its type. */
  resourceId: string;
  details: Record<string, unknown>;
  createdAt: string;
  removedAt: string | null;
};
