import { deploymentRate } from './deploymentRate';
import { payloadOf } from './measurements';

/**
 * A production deployment is rework, unplanned, when it says what it fixes
 * (`fixes`: a version or an incident) or a resolved incident names its
 * version (`resolvedByVersion`); the rate is over all production deployments.
 */
export const reworkRate = deploymentRate({
  metric: 'deployment_rework_rate',
  prefix: 'rework',
  namedBy: 'resolved',
  counts: (deploy, resolvedIncident) =>
    Boolean(payloadOf(deploy).fixes) || resolvedIncident,
});
