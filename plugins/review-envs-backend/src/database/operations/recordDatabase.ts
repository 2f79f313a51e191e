import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { DATABASES_TABLE } from '../tables';

/** Keeps how the environment's application connects to its database. */
export async function recordDatabase(
  db: Knex,
  id: string,
  url: string,
): Promise<void> {
  await db(DATABASES_TABLE)
    .insert({
      environment_id: id,
      url,
      created_at_ms: db.raw(databaseNowSql(db)),
    })
    .onConflict('environment_id')
    .merge(['url']);
}
