import { RegisteredTenant } from '@internal/plugin-tenant-scaffolder-common';
import { StoredTenant } from '../database/TenantStore';
import { SMTP_PASSWORD_SECRET } from './settingsInput';

/**
 * A stored tenant as the API answers it: without its secrets' names, saying
 * for SMTP mail whether a password is stored.
 */
export function toRegistered(tenant: StoredTenant): RegisteredTenant {
  const { secretNames, ...registered } = tenant;
  const { mail } = registered.settings;
  if (mail.mode !== 'smtp') return registered;
  return {
    ...registered,
    settings: {
      ...registered.settings,
      mail: {
        ...mail,
        hasPassword: secretNames.includes(SMTP_PASSWORD_SECRET),
      },
    },
  };
}
