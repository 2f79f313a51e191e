import { Knex } from 'knex';
import { TENANTS } from '../../tenantRows';

/** One primary-key lookup: a deleted tenant's slug is taken too. */
export async function isSlugTaken(db: Knex, slug: string): Promise<boolean> {
  const row = await db(TENANTS).where({ slug }).first('slug');
  return row !== undefined;
}
