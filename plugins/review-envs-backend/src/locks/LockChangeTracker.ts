import { StoredLock } from '../database/LockStore';

/**
 * Remembers each lock as last seen (holder, token, expiry) and calls
 * `onChange` with its name when it changed: by this instance, or found so
 * on a read (expired, handed to the queue, changed by another replica, or
 * seen for the first time).
 */
export class LockChangeTracker {
  private readonly seen = new Map<string, string>();

  constructor(private readonly onChange: (name: string) => void) {}

  /** Records a lock as read, and reports it when it differs from the last read. */
  observed(lock: StoredLock): StoredLock {
    const version = versionOf(lock);
    if (this.seen.get(lock.name) !== version) {
      this.seen.set(lock.name, version);
      this.onChange(lock.name);
    }
    return lock;
  }

  /** Records and reports a lock this instance has just changed. */
  changed(lock: StoredLock): StoredLock {
    this.seen.set(lock.name, versionOf(lock));
    this.onChange(lock.name);
    return lock;
  }
}

function versionOf(lock: StoredLock): string {
  return `${lock.holder}:${lock.fencingToken}:${lock.expiresAtMs}`;
}
