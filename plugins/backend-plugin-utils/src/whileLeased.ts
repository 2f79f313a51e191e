/** How a piece of work keeps its lease while it runs. */
export type LeaseRenewal = {
  /** Extends the lease; false when it is no longer this holder's. */
  renew: () => Promise<boolean>;
  /** How often to renew: well inside the lease's length. */
  everyMs: number;
  /** Told when a renewal finds the lease lost, or cannot reach the database. */
  onTrouble?: (problem: string) => void;
};

/**
 * Runs `work` and renews its lease every `everyMs` until it settles. Leases
 * can then be short, so that the work of a replica that died is taken over
 * soon by another, however long the work itself runs on a live one.
 */
export async function whileLeased<T>(
  work: () => Promise<T>,
  lease: LeaseRenewal,
): Promise<T> {
  let renewing: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (renewing) return;
    renewing = lease
      .renew()
      .then(held => {
        if (!held) lease.onTrouble?.('the lease was taken over');
      })
      .catch(error => {
        lease.onTrouble?.(`the lease could not be renewed: ${error}`);
      })
      .finally(() => {
        renewing = undefined;
      });
  }, lease.everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await renewing;
  }
}
