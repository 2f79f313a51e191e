import type { components } from './schema/openapi/generated';

type Schemas = components['schemas'];

/** Someone waiting for a shared environment's lock. */
export type LockQueueEntry = Schemas['LockQueueEntry'];

/** The lock on one shared environment (staging, ...), as of the database's clock. */
export type SharedEnvironmentLock = Schemas['SharedEnvironmentLock'];

/** What a successful claim, extend or grant from the queue returns. */
export type LockGrant = Schemas['LockGrant'];

/** Answer to "may the holder of token N deploy to this environment now?" */
export type LockCheck = Schemas['LockCheck'];

export type LockHistoryAction = Schemas['LockHistoryAction'];

export type LockHistoryEntry = Schemas['LockHistoryEntry'];

/**
 * The lock as a refused claim found it, in the 409 answer's `error.lock`:
 * who holds it and until when, so that callers need not parse the message.
 */
export type LockConflictDetails = Schemas['LockConflictDetails'];

/** A claim of a lock, or a place in its queue. */
export type LockRequest = Schemas['LockRequest'];

/** An extension of the caller's hold. */
export type LockExtendRequest = Schemas['LockExtendRequest'];

/** The end of the caller's hold. */
export type LockReleaseRequest = Schemas['LockReleaseRequest'];
