export interface Config {
  reviewEnvs?: {
    /**
     * Shared environments whose use is guarded by an exclusive lock.
     * Defaults to one environment, `staging`.
     */
    sharedEnvironments?: Array<{
      /** Lower-case letters, digits and dashes, e.g. `staging`. */
      name: string;
      /** Shown in the portal; defaults to the name. */
      title?: string;
      /** Length of a claim when the claimant names none. Default 120. */
      defaultDurationMinutes?: number;
      /** The longest claim or extension allowed. Default 480. */
      maxDurationMinutes?: number;
    }>;
  };
}
