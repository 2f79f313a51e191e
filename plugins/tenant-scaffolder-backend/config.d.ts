import { HumanDuration } from '@backstage/types';

export interface Config {
  tenantScaffolder?: {
    fleetUpgrades?: {
      /**
       * Tenant health guards fleet upgrades: after each wave but the last,
       * the upgrade waits out `soak`, then asks Release Watch how the
       * tenants upgraded so far fare against those not yet upgraded since
       * the wave finished, and pauses by itself when they fare worse past a
       * threshold. Off when absent.
       */
      healthGuard?: {
        /**
         * How long to watch the upgraded tenants after a wave before going
         * on: `{ minutes: 5 }`, `5m` or `PT5M`. Default 5 minutes.
         */
        soak?: HumanDuration | string;
        /**
         * A metric pushed to Release Watch per tenant environment
         * (`tenant-<slug>`), compared by its median, e.g. `metric:error_rate`.
         */
        metric?: string;
        /** Whether a higher value of `metric` is worse (default) or better. */
        metricWorseWhen?: 'higher' | 'lower';
        /**
         * Pause when the upgraded tenants' median of `metric` is worse than
         * the others' by more than this share of theirs (0.25: 25%). Default 0.25.
         */
        maxMetricRegression?: number;
        /** Samples each side needs before `metric` is compared at all. Default 10. */
        minSamples?: number;
        /**
         * Pause when the upgraded tenants' incidents per tenant exceed the
         * others' by more than this. Default 0.5.
         */
        maxIncidentRegression?: number;
        /**
         * Pause when the upgraded tenants' change failures (failed
         * production deployments) per tenant exceed the others' by more
         * than this. Default 0.5.
         */
        maxChangeFailureRegression?: number;
      };
    };
  };
}
