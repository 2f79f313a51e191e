import { Knex } from 'knex';
import { StoredLock } from '../LockStore';
import { LOCKS_TABLE } from '../tables';
import { getLock } from './getLock';

/** Every lock, by name, each settled as {@link getLock} does. */
export async function listLocks(db: Knex): Promise<StoredLock[]> {
  const names: string[] = await db(LOCKS_TABLE).orderBy('name').pluck('name');
  const locks = await Promise.all(names.map(name => getLock(db, name)));
  return locks.filter((lock): lock is StoredLock => lock !== undefined);
}
