import { ECSClient } from '@aws-sdk/client-ecs';
import { Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  DeployTarget,
  EcsDeployTarget,
  LocalProcessDeployTarget,
} from '@internal/plugin-review-envs-node';
import { ReviewEnvironmentsConfig } from './ReviewEnvironmentsConfig';

/** The configured deploy target: ECS with the AWS integration's credentials, or local processes. */
export async function createDeployTarget(
  config: Config,
  environmentsConfig: ReviewEnvironmentsConfig,
): Promise<DeployTarget> {
  const { ecs, local } = environmentsConfig;
  if (environmentsConfig.target === 'ecs' && ecs) {
    const credentials = await DefaultAwsCredentialsManager.fromConfig(
      config,
    ).getCredentialProvider({ accountId: ecs.accountId });
    return new EcsDeployTarget({
      client: new ECSClient({
        region: ecs.region,
        endpoint: ecs.endpoint,
        credentials: credentials.sdkCredentialProvider,
      }),
      cluster: ecs.cluster,
      urlTemplate: ecs.urlTemplate,
      healthPath: ecs.healthPath,
      healthTimeoutMs: ecs.healthTimeoutMs,
      steadyStateTimeoutMs: ecs.steadyStateTimeoutMs,
      container: ecs.container,
      network: ecs.network,
    });
  }
  return new LocalProcessDeployTarget({
    workDir: local.workDir,
    command: local.command,
    healthPath: local.healthPath,
    healthTimeoutMs: local.healthTimeoutMs,
  });
}
