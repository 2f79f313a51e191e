import { Knex } from 'knex';
import { DATABASES_TABLE } from '../tables';

/** The environment's DATABASE_URL, when its database is made. */
export async function readDatabaseUrl(
  db: Knex,
  id: string,
): Promise<string | undefined> {
  const row = await db(DATABASES_TABLE)
    .where({ environment_id: id })
    .select('url')
    .first();
  return row?.url;
}
