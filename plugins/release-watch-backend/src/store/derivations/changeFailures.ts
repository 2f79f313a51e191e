import { deploymentRate } from './deploymentRate';

/**
 * A production deployment failed if its status says so or an incident was
 * opened that names its version as the cause.
 */
export const changeFailures = deploymentRate({
  metric: 'change_failure_rate',
  prefix: 'cfr',
  namedBy: 'opened',
  counts: (deploy, causedIncident) =>
    deploy.status === 'failure' || causedIncident,
});
