import { ECSClient } from '@aws-sdk/client-ecs';
import type { EcsDeployTargetConfig } from '../../config';

/**
 * The configuration keys the target takes as they are; the others become
 * `client` and the timeouts in milliseconds (see `readEcsTargetOptions`).
 */
type TakenAsConfigured = Pick<
  EcsDeployTargetConfig,
  'cluster' | 'urlTemplate' | 'healthPath' | 'container' | 'network'
>;

export type EcsDeployTargetOptions = TakenAsConfigured & {
  /** Configured with region and credentials (Backstage's AWS integration). */
  client: ECSClient;
  /** Default `FARGATE`. */
  launchType?: 'FARGATE' | 'EC2';
  /** How long a rollout may take to reach a steady state. Default 15 min. */
  steadyStateTimeoutMs?: number;
  /** How long the URL may take to answer 200 after that. Default 2 min. */
  healthTimeoutMs?: number;
  /** Between DescribeServices calls while waiting. Default 5 s. */
  pollIntervalMs?: number;
};
