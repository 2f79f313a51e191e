import type {
  TenantPlan,
  TenantSettings,
  TenantStatus,
} from './schema/openapi/generated';

/** `GET /tenants`: only the tenants in a status, on a plan. */
export type TenantListQuery = {
  status?: TenantStatus;
  plan?: TenantPlan['kind'];
};

/**
 * The settings to store. `mail.password` sets the SMTP password when given,
 * `null` removes it, and leaving it out keeps the stored one.
 */
export type TenantSettingsInput = Omit<TenantSettings, 'mail'> & {
  mail:
    | { mode: 'platform' }
    | {
        mode: 'smtp';
        host: string;
        port: number;
        username: string;
        fromAddress: string;
        password?: string | null;
      };
};

/** `PATCH /tenants/{slug}/settings`. */
export type TenantSettingsUpdate = {
  settings: TenantSettingsInput;
  /** The revision the form was loaded at: a newer one answers 409. */
  expectedRevision?: number;
};
