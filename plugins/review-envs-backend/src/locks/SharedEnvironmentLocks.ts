import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  LockCheck,
  LockConflictDetails,
  LockGrant,
  LockHistoryEntry,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import { LockStore, LockWriteResult, StoredLock } from '../database/LockStore';
import { SharedEnvironmentConfig } from './SharedEnvironmentsConfig';

const MAX_REASON_LENGTH = 500;

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

/**
 * The exclusive locks on shared environments (staging, ...): claim, extend,
 * release, queue, force-release and the deploy check CI pipelines make.
 * Callers are identified by `holder`: a user entity ref or a service subject.
 */
export class SharedEnvironmentLocks {
  private readonly environments: Map<string, SharedEnvironmentConfig>;
  /** Holder, token and expiry of each lock as last seen, to notice changes. */
  private readonly seen = new Map<string, string>();

  /**
   * `onChange` is called with a lock's name after each change made here
   * (claim, extend, release, force-release, queue changes), and when a read
   * finds a lock other than this instance last saw it: expired, handed to
   * the queue, changed by another replica, or seen for the first time. It
   * may be called when nothing changed, and must not throw.
   */
  static async create(options: {
    store: LockStore;
    environments: SharedEnvironmentConfig[];
    onChange?: (name: string) => void;
  }) {
    await options.store.ensureLocks(options.environments.map(env => env.name));
    return new SharedEnvironmentLocks(
      options.store,
      options.environments,
      options.onChange,
    );
  }

  private constructor(
    private readonly store: LockStore,
    environments: SharedEnvironmentConfig[],
    private readonly onChange: (name: string) => void = () => {},
  ) {
    this.environments = new Map(environments.map(env => [env.name, env]));
  }

  async list(): Promise<SharedEnvironmentLock[]> {
    const locks = await this.store.list();
    return locks
      .filter(lock => this.environments.has(lock.name))
      .map(lock => this.present(this.observe(lock)));
  }

  async get(name: string): Promise<SharedEnvironmentLock> {
    this.environment(name);
    const lock = await this.store.get(name);
    if (!lock) throw unknownLock(name);
    return this.present(this.observe(lock));
  }

  async claim(
    name: string,
    holder: string,
    request: { reason: string; durationMinutes?: number },
  ): Promise<LockGrant> {
    const result = await this.store.claim({
      name,
      holder,
      reason: validReason(request.reason),
      durationMs: this.duration(name, request.durationMinutes),
    });
    return this.grantOrThrow(name, holder, result);
  }

  async extend(
    name: string,
    holder: string,
    request: { fencingToken: number; durationMinutes?: number },
  ): Promise<LockGrant> {
    const result = await this.store.extend({
      name,
      holder,
      fencingToken: request.fencingToken,
      durationMs: this.duration(name, request.durationMinutes),
    });
    return this.grantOrThrow(name, holder, result);
  }

  async release(
    name: string,
    holder: string,
    request: { fencingToken: number },
  ): Promise<SharedEnvironmentLock> {
    this.environment(name);
    const result = await this.store.release({
      name,
      holder,
      fencingToken: request.fencingToken,
    });
    return this.present(this.changed(this.lockOrThrow(name, holder, result)));
  }

  /** Releases whoever holds the lock; the caller has been authorized already. */
  async forceRelease(
    name: string,
    actor: string,
  ): Promise<SharedEnvironmentLock> {
    this.environment(name);
    const result = await this.store.forceRelease({ name, actor });
    return this.present(this.changed(this.lockOrThrow(name, actor, result)));
  }

  async enqueue(
    name: string,
    requester: string,
    request: { reason: string; durationMinutes?: number },
  ): Promise<SharedEnvironmentLock> {
    const result = await this.store.enqueue({
      name,
      requester,
      reason: validReason(request.reason),
      durationMs: this.duration(name, request.durationMinutes),
    });
    return this.present(
      this.changed(this.lockOrThrow(name, requester, result)),
    );
  }

  async leaveQueue(
    name: string,
    requester: string,
  ): Promise<SharedEnvironmentLock> {
    this.environment(name);
    const result = await this.store.leaveQueue({ name, requester });
    if ('refused' in result && result.refused === 'not-holder') {
      throw new NotFoundError(`${requester} is not in the queue of '${name}'`);
    }
    return this.present(
      this.changed(this.lockOrThrow(name, requester, result)),
    );
  }

  /** "May the holder of this fencing token deploy to the environment now?" */
  async check(name: string, fencingToken: number): Promise<LockCheck> {
    const lock = await this.get(name);
    const base = {
      name,
      holder: lock.holder,
      fencingToken: lock.fencingToken,
      expiresAt: lock.expiresAt,
    };
    if (!lock.holder) {
      return {
        ...base,
        allowed: false,
        reason: `'${name}' is not locked; claim it first`,
      };
    }
    if (lock.fencingToken !== fencingToken) {
      return {
        ...base,
        allowed: false,
        reason: `token ${fencingToken} is stale: '${name}' is held by ${lock.holder} with token ${lock.fencingToken}`,
      };
    }
    return { ...base, allowed: true };
  }

  async history(name: string, limit = 50): Promise<LockHistoryEntry[]> {
    this.environment(name);
    return this.store.history(name, Math.min(Math.max(limit, 1), 500));
  }

  private environment(name: string): SharedEnvironmentConfig {
    const environment = this.environments.get(name);
    if (!environment) throw unknownLock(name);
    return environment;
  }

  private duration(name: string, minutes: number | undefined): number {
    const { defaultDurationMs, maxDurationMs } = this.environment(name);
    if (minutes === undefined) return defaultDurationMs;
    if (!Number.isInteger(minutes) || minutes < 1) {
      throw new InputError(
        'durationMinutes must be a whole number of minutes, at least 1',
      );
    }
    if (minutes * 60_000 > maxDurationMs) {
      throw new InputError(
        `durationMinutes ${minutes} is over the limit of ${
          maxDurationMs / 60_000
        } for '${name}'`,
      );
    }
    return minutes * 60_000;
  }

  private grantOrThrow(
    name: string,
    holder: string,
    result: LockWriteResult,
  ): LockGrant {
    const lock = this.changed(this.lockOrThrow(name, holder, result));
    return {
      name,
      holder: lock.holder!,
      fencingToken: lock.fencingToken,
      expiresAt: new Date(lock.expiresAtMs!).toISOString(),
    };
  }

  private lockOrThrow(
    name: string,
    caller: string,
    result: LockWriteResult,
  ): StoredLock {
    if (!('refused' in result)) return result.lock;
    if (result.refused === 'unknown-lock') throw unknownLock(name);
    // The store may have expired the lock or moved its queue on the way.
    const lock = this.observe(result.lock);
    const expiresAt = lock.expiresAtMs
      ? new Date(lock.expiresAtMs).toISOString()
      : null;
    const details: LockConflictDetails = {
      name,
      holder: lock.holder,
      reason: lock.reason,
      fencingToken: lock.fencingToken,
      since: lock.acquiredAtMs
        ? new Date(lock.acquiredAtMs).toISOString()
        : null,
      expiresAt,
      queueLength: lock.queue.length,
    };
    switch (result.refused) {
      case 'held':
        throw new LockConflictError(
          lock.holder === caller
            ? `'${name}' is already held by you until ${expiresAt}; extend it instead`
            : `'${name}' is held by ${lock.holder} until ${expiresAt} (${lock.reason}); join the queue to get it next`,
          details,
        );
      case 'queue-not-empty':
        throw new LockConflictError(
          `'${name}' is free but ${lock.queue.length} ${
            lock.queue.length === 1 ? 'is' : 'are'
          } waiting in its queue; join the queue`,
          details,
        );
      case 'not-held':
        throw new ConflictError(`'${name}' is not held (it may have expired)`);
      case 'not-holder':
        throw new NotAllowedError(
          `'${name}' is held by ${lock.holder}, not by ${caller}`,
        );
      case 'stale-token':
        throw new ConflictError(
          `Stale fencing token for '${name}': the current grant has token ${lock.fencingToken}`,
        );
      case 'already-queued':
        throw new ConflictError(
          `${caller} already holds or waits for '${name}'`,
        );
      default:
        throw new Error(`unexpected lock refusal ${JSON.stringify(result)}`);
    }
  }

  /** Records a lock as read, and reports it when it differs from the last read. */
  private observe(lock: StoredLock): StoredLock {
    const version = versionOf(lock);
    if (this.seen.get(lock.name) !== version) {
      this.seen.set(lock.name, version);
      this.onChange(lock.name);
    }
    return lock;
  }

  /** Records and reports a lock this instance has just changed. */
  private changed(lock: StoredLock): StoredLock {
    this.seen.set(lock.name, versionOf(lock));
    this.onChange(lock.name);
    return lock;
  }

  private present(lock: StoredLock): SharedEnvironmentLock {
    const environment = this.environment(lock.name);
    return {
      name: lock.name,
      title: environment.title,
      holder: lock.holder,
      reason: lock.reason,
      fencingToken: lock.fencingToken,
      since: lock.acquiredAtMs
        ? new Date(lock.acquiredAtMs).toISOString()
        : null,
      expiresAt: lock.expiresAtMs
        ? new Date(lock.expiresAtMs).toISOString()
        : null,
      queue: lock.queue.map(entry => ({
        requester: entry.requester,
        reason: entry.reason,
        durationMinutes: entry.durationMinutes,
        enqueuedAt: new Date(entry.enqueuedAtMs).toISOString(),
      })),
    };
  }
}

function versionOf(lock: StoredLock): string {
  return `${lock.holder}:${lock.fencingToken}:${lock.expiresAtMs}`;
}

function unknownLock(name: string) {
  return new NotFoundError(`No shared environment named '${name}'`);
}

function validReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new InputError('reason must not be empty');
  if (trimmed.length > MAX_REASON_LENGTH) {
    throw new InputError(
      `reason must be at most ${MAX_REASON_LENGTH} characters`,
    );
  }
  return trimmed;
}
