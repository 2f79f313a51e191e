import { ConflictError } from '@backstage/errors';
import { LockConflictDetails } from '@internal/plugin-review-envs-common';

/**
 * A claim refused because the lock is held or others queue for it (409).
 * `lock` is an enumerable property, so Backstage's error handler keeps it in
 * the answer's `error` object next to `name` and `message`.
 */
export class LockConflictError extends ConflictError {
  readonly lock: LockConflictDetails;

  constructor(message: string, lock: LockConflictDetails) {
    super(message);
    this.lock = lock;
  }
}
