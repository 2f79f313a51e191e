import { Knex } from 'knex';
import { SECRETS } from '../../tenantRows';

export async function readTenantSecret(
  db: Knex,
  slug: string,
  name: string,
): Promise<string | undefined> {
  const row = await db(SECRETS).where({ slug, name }).first('value');
  return row?.value;
}
