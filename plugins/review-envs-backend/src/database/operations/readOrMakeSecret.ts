import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { SECRETS_TABLE } from '../tables';

/**
 * The plugin's secret of this name, made (32 random bytes) the first time
 * any replica asks; every replica then reads the same one.
 */
export async function readOrMakeSecret(
  db: Knex,
  name: string,
): Promise<string> {
  await db(SECRETS_TABLE)
    .insert({
      name,
      value: randomBytes(32).toString('base64url'),
      created_at_ms: db.raw(databaseNowSql(db)),
    })
    .onConflict('name')
    .ignore();
  const row = await db(SECRETS_TABLE).where({ name }).select('value').first();
  return row.value;
}
