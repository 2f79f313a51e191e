import { Knex } from 'knex';
import { SECRETS } from '../../tenantRows';
import { SecretChanges } from '../../TenantStore';

/** A value sets a secret, null removes it. */
export async function writeTenantSecrets(
  db: Knex,
  slug: string,
  secrets: SecretChanges = {},
): Promise<void> {
  for (const [name, value] of Object.entries(secrets)) {
    if (value === null) {
      await db(SECRETS).where({ slug, name }).delete();
    } else {
      await db(SECRETS)
        .insert({ slug, name, value })
        .onConflict(['slug', 'name'])
        .merge(['value']);
    }
  }
}
