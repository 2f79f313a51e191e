import { Knex } from 'knex';
import { DATABASES_TABLE } from '../tables';

/** Forgets the environment's connection: its database is being dropped. */
export async function forgetDatabase(db: Knex, id: string): Promise<void> {
  await db(DATABASES_TABLE).where({ environment_id: id }).delete();
}
