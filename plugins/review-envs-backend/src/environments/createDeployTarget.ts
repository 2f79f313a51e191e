import { Config } from '@backstage/config';
import {
  DeployTarget,
  readDeployTarget,
} from '@internal/backend-deploy-targets';
import {
  DEPLOY_TARGET_DEFAULTS,
  ReviewEnvironmentsConfig,
} from './ReviewEnvironmentsConfig';

/**
 * The target `reviewEnvs.target` names: ECS (`reviewEnvs.ecs`) with the AWS
 * integration's credentials, or local processes (`reviewEnvs.local`), read
 * from `config` by the reader tenant-scaffolder shares; the already read
 * `ReviewEnvironmentsConfig` is not needed for it.
 */
export async function createDeployTarget(
  config: Config,
  _environmentsConfig?: ReviewEnvironmentsConfig,
): Promise<DeployTarget> {
  return readDeployTarget(
    config.getOptionalConfig('reviewEnvs'),
    config,
    DEPLOY_TARGET_DEFAULTS,
  );
}
