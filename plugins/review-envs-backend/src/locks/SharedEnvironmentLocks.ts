import { NotFoundError } from '@backstage/errors';
import {
  LockExtendRequest,
  LockGrant,
  LockHistoryEntry,
  LockReleaseRequest,
  LockRequest,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import { LockStore, LockWriteResult, StoredLock } from '../database/LockStore';
import { LockChangeTracker } from './LockChangeTracker';
import { lockRefusalError } from './lockRefusalError';
import { holdDurationMs, validReason } from './lockRequests';
import { presentLock } from './presentLock';
import { SharedEnvironmentConfig } from './SharedEnvironmentsConfig';

/**
 * The exclusive locks on shared environments (staging, ...): claim, extend,
 * release, queue and force-release. Callers are identified by `holder`: a
 * user entity ref or a service subject.
 */
export class SharedEnvironmentLocks {
  private readonly environments: Map<string, SharedEnvironmentConfig>;
  private readonly tracker: LockChangeTracker;

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
    onChange: (name: string) => void = () => {},
  ) {
    this.environments = new Map(environments.map(env => [env.name, env]));
    this.tracker = new LockChangeTracker(onChange);
  }

  async list(): Promise<SharedEnvironmentLock[]> {
    const locks = await this.store.list();
    return locks
      .filter(lock => this.environments.has(lock.name))
      .map(lock => this.present(this.tracker.observed(lock)));
  }

  async get(name: string): Promise<SharedEnvironmentLock> {
    this.environment(name);
    const lock = await this.store.get(name);
    if (!lock) throw unknownLock(name);
    return this.present(this.tracker.observed(lock));
  }

  async claim(
    name: string,
    holder: string,
    request: LockRequest,
  ): Promise<LockGrant> {
    const result = await this.store.claim({
      name,
      holder,
      reason: validReason(request.reason),
      durationMs: holdDurationMs(
        this.environment(name),
        request.durationMinutes,
      ),
    });
    return this.grantOrThrow(name, holder, result);
  }

  async extend(
    name: string,
    holder: string,
    request: LockExtendRequest,
  ): Promise<LockGrant> {
    const result = await this.store.extend({
      name,
      holder,
      fencingToken: request.fencingToken,
      durationMs: holdDurationMs(
        this.environment(name),
        request.durationMinutes,
      ),
    });
    return this.grantOrThrow(name, holder, result);
  }

  async release(
    name: string,
    holder: string,
    request: LockReleaseRequest,
  ): Promise<SharedEnvironmentLock> {
    this.environment(name);
    const result = await this.store.release({
      name,
      holder,
      fencingToken: request.fencingToken,
    });
    return this.presentChange(name, holder, result);
  }

  /** Releases whoever holds the lock; the caller has been authorized already. */
  async forceRelease(
    name: string,
    actor: string,
  ): Promise<SharedEnvironmentLock> {
    this.environment(name);
    const result = await this.store.forceRelease({ name, actor });
    return this.presentChange(name, actor, result);
  }

  async enqueue(
    name: string,
    requester: string,
    request: LockRequest,
  ): Promise<SharedEnvironmentLock> {
    const result = await this.store.enqueue({
      name,
      requester,
      reason: validReason(request.reason),
      durationMs: holdDurationMs(
        this.environment(name),
        request.durationMinutes,
      ),
    });
    return this.presentChange(name, requester, result);
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
    return this.presentChange(name, requester, result);
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

  private grantOrThrow(
    name: string,
    holder: string,
    result: LockWriteResult,
  ): LockGrant {
    const lock = this.tracker.changed(this.lockOrThrow(name, holder, result));
    return {
      name,
      holder: lock.holder!,
      fencingToken: lock.fencingToken,
      expiresAt: new Date(lock.expiresAtMs!).toISOString(),
    };
  }

  private presentChange(
    name: string,
    caller: string,
    result: LockWriteResult,
  ): SharedEnvironmentLock {
    return this.present(
      this.tracker.changed(this.lockOrThrow(name, caller, result)),
    );
  }

  private lockOrThrow(
    name: string,
    caller: string,
    result: LockWriteResult,
  ): StoredLock {
    if (!('refused' in result)) return result.lock;
    if (result.refused === 'unknown-lock') throw unknownLock(name);
    // The store may have expired the lock or moved its queue on the way.
    this.tracker.observed(result.lock);
    throw lockRefusalError(caller, result);
  }

  private present(lock: StoredLock): SharedEnvironmentLock {
    return presentLock(lock, this.environment(lock.name).title);
  }
}

function unknownLock(name: string) {
  return new NotFoundError(`No shared environment named '${name}'`);
}
