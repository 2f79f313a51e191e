import { Knex } from 'knex';
import { LOCKS_TABLE } from '../tables';

/** Creates the rows of configured locks that do not exist yet. */
export async function ensureLocks(db: Knex, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await db(LOCKS_TABLE)
    .insert(names.map(name => ({ name, fencing_token: 0 })))
    .onConflict('name')
    .ignore();
}
