import { DatabaseService } from '@backstage/backend-plugin-api';
import { migratedClient } from '@internal/backend-plugin-utils';
import { LockHistoryEntry } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { refusalForLaterClaims } from '../locks/lockRules';
import { LockStore, LockWriteResult, StoredLock } from './LockStore';
import { claimLock } from './operations/claimLock';
import { ensureLocks } from './operations/ensureLocks';
import { extendLock } from './operations/extendLock';
import { forceReleaseLock } from './operations/forceReleaseLock';
import { getLock } from './operations/getLock';
import { joinLockQueue } from './operations/joinLockQueue';
import { leaveLockQueue } from './operations/leaveLockQueue';
import { listLocks } from './operations/listLocks';
import { readLockHistory } from './operations/readLockHistory';
import { releaseLock } from './operations/releaseLock';
import { MIGRATIONS_PACKAGE } from './tables';

type LockOptions<Method extends keyof LockStore> = Parameters<
  LockStore[Method]
>[0];

/** The locks in the plugin's database; each method is one operation of `operations/`. */
export class DatabaseLockStore implements LockStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseLockStore> {
    return new DatabaseLockStore(
      await migratedClient(options.database, MIGRATIONS_PACKAGE),
    );
  }

  private readonly claimsUnderWay = new Map<string, Promise<LockWriteResult>>();

  private constructor(private readonly db: Knex) {}

  ensureLocks(names: string[]): Promise<void> {
    return ensureLocks(this.db, names);
  }

  list(): Promise<StoredLock[]> {
    return listLocks(this.db);
  }

  get(name: string): Promise<StoredLock | undefined> {
    return getLock(this.db, name);
  }

  /**
   * Claims of one lock that arrive while another claim of it is under way
   * on this replica wait for that claim instead of each reading and writing:
   * if it ended with the lock held (by its claimant or anyone), they are
   * refused with that state, which held during their request; otherwise
   * they try for themselves. A burst of claims then costs this replica one
   * read and one write, not one per caller, and correctness still rests on
   * the conditional write alone.
   */
  async claim(options: LockOptions<'claim'>): Promise<LockWriteResult> {
    const { name } = options;
    const under = this.claimsUnderWay.get(name);
    if (under) {
      const outcome = await under.catch(() => undefined);
      const refusal = outcome && refusalForLaterClaims(outcome);
      if (refusal) return refusal;
    }
    const attempt = claimLock(this.db, options);
    this.claimsUnderWay.set(name, attempt);
    try {
      return await attempt;
    } finally {
      if (this.claimsUnderWay.get(name) === attempt) {
        this.claimsUnderWay.delete(name);
      }
    }
  }

  extend(options: LockOptions<'extend'>): Promise<LockWriteResult> {
    return extendLock(this.db, options);
  }

  release(options: LockOptions<'release'>): Promise<LockWriteResult> {
    return releaseLock(this.db, options);
  }

  forceRelease(options: LockOptions<'forceRelease'>): Promise<LockWriteResult> {
    return forceReleaseLock(this.db, options);
  }

  enqueue(options: LockOptions<'enqueue'>): Promise<LockWriteResult> {
    return joinLockQueue(this.db, options);
  }

  leaveQueue(options: LockOptions<'leaveQueue'>): Promise<LockWriteResult> {
    return leaveLockQueue(this.db, options);
  }

  history(name: string, limit: number): Promise<LockHistoryEntry[]> {
    return readLockHistory(this.db, name, limit);
  }
}
