import { Knex } from 'knex';
import { StoredLock } from '../LockStore';
import { readLock } from './readLock';
import { settleLock } from './settleLock';

/** A lock after settling it: an overdue hold expired, a free lock handed to its queue. */
export async function getLock(
  db: Knex,
  name: string,
): Promise<StoredLock | undefined> {
  return db.transaction(async tx => {
    await settleLock(tx, name);
    return readLock(tx, name);
  });
}
