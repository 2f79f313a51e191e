/** Someone waiting for a shared environment's lock. */
export type LockQueueEntry = {
  requester: string;
  reason: string;
  durationMinutes: number;
  /** ISO 8601 */
  enqueuedAt: string;
};

/** The lock on one shared environment (staging, ...), as of the database's clock. */
export type SharedEnvironmentLock = {
  name: string;
  title: string;
  /** Entity ref of the user, or subject of the service, holding the lock; null when free. */
  holder: string | null;
  reason: string | null;
  /** The fencing token of the current grant (or of the last one, when free). */
  fencingToken: number;
  /** ISO 8601; null when free. */
  since: string | null;
  /** ISO 8601; null when free. */
  expiresAt: string | null;
  queue: LockQueueEntry[];
};

/** What a successful claim, extend or grant from the queue returns. */
export type LockGrant = {
  name: string;
  holder: string;
  fencingToken: number;
  /** ISO 8601 */
  expiresAt: string;
};

/** Answer to "may the holder of token N deploy to this environment now?" */
export type LockCheck = {
  name: string;
  allowed: boolean;
  /** Why not, when not allowed. */
  reason?: string;
  holder: string | null;
  fencingToken: number;
  expiresAt: string | null;
};

export type LockHistoryAction =
  | 'claimed'
  | 'extended'
  | 'released'
  | 'expired'
  | 'force-released'
  | 'queued'
  | 'left-queue'
  | 'granted-from-queue';

export type LockHistoryEntry = {
  action: LockHistoryAction;
  /** Who did it; `system` for expiry and queue grants. */
  actor: string;
  holder: string | null;
  fencingToken: number | null;
  reason: string | null;
  /** ISO 8601 */
  at: string;
};

/**
 * The lock as a refused claim found it, in the 409 answer's
 * `error.lock`: who holds it and until when, so that callers need not parse
 * the message.
 */
export type LockConflictDetails = {
  name: string;
  /** null when the lock is free but others wait in its queue. */
  holder: string | null;
  reason: string | null;
  fencingToken: number;
  /** ISO 8601; null when free. */
  since: string | null;
  /** ISO 8601; null when free. */
  expiresAt: string | null;
  /** How many wait in the queue. */
  queueLength: number;
};
