import { ECSClient } from '@aws-sdk/client-ecs';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { resolve } from 'node:path';
import { DeployTarget } from './DeployTarget';
import { EcsDeployTarget } from './ecs/EcsDeployTarget';
import { EcsDeployTargetOptions } from './ecs/EcsDeployTargetOptions';
import {
  LocalProcessDeployTarget,
  LocalProcessDeployTargetOptions,
} from './local/LocalProcessDeployTarget';

/** What a user of the targets decides when its configuration leaves it open. */
export type DeployTargetDefaults = {
  /** `local.workDir` when not configured. */
  localWorkDir: string;
  /** `local.command` when not configured. Default `yarn start`. */
  localCommand?: string;
  /** `local.healthPath` and `ecs.healthPath` when not configured. Default `/`. */
  healthPath?: string;
  /** Where the block is in the configuration, e.g. `reviewEnvs`, for error messages. */
  configKey?: string;
};

/** An AWS SDK credential identity provider, as the AWS integration gives them. */
type CredentialProvider = Awaited<
  ReturnType<DefaultAwsCredentialsManager['getCredentialProvider']>
>['sdkCredentialProvider'];

/**
 * The deploy target a configuration block names, with its options:
 *
 * ```yaml
 * target: local # or ecs; default local
 * local: { workDir, command, healthPath, healthTimeoutSeconds }
 * ecs: { region, accountId, endpoint, cluster, urlTemplate, healthPath, ... }
 * ```
 *
 * The ECS client gets the credentials Backstage's AWS integration
 * (`aws.mainAccount`, `aws.accounts` in `rootConfig`) gives for
 * `ecs.accountId`; they are looked up here, so a misconfigured account fails
 * now rather than at the first deploy. Other keys in the block are ignored.
 * Callers that cannot wait build the target from {@link readTargetType},
 * {@link readLocalTargetOptions} and {@link readEcsTargetOptions} instead.
 */
export async function readDeployTarget(
  config: Config | undefined,
  rootConfig: Config,
  defaults: DeployTargetDefaults,
): Promise<DeployTarget> {
  if (readTargetType(config, defaults) === 'local') {
    return new LocalProcessDeployTarget(
      readLocalTargetOptions(config?.getOptionalConfig('local'), defaults),
    );
  }
  const ecs = config!.getConfig('ecs');
  const provider = await DefaultAwsCredentialsManager.fromConfig(
    rootConfig,
  ).getCredentialProvider({ accountId: ecs.getOptionalString('accountId') });
  return new EcsDeployTarget(
    ecsOptions(ecs, provider.sdkCredentialProvider, defaults),
  );
}

/** `target`: `local` (the default) or `ecs`. */
export function readTargetType(
  config: Config | undefined,
  defaults: Pick<DeployTargetDefaults, 'configKey'> = {},
): 'local' | 'ecs' {
  const target = config?.getOptionalString('target') ?? 'local';
  if (target !== 'local' && target !== 'ecs') {
    throw new InputError(
      `${keyOf(defaults, 'target')} must be 'local' or 'ecs', not '${target}'`,
    );
  }
  return target;
}

/** The `local` block as {@link LocalProcessDeployTarget} options; `workDir` resolved from the working directory. */
export function readLocalTargetOptions(
  local: Config | undefined,
  defaults: DeployTargetDefaults,
): LocalProcessDeployTargetOptions {
  return {
    workDir: resolve(
      local?.getOptionalString('workDir') ?? defaults.localWorkDir,
    ),
    command:
      local?.getOptionalString('command') ??
      defaults.localCommand ??
      'yarn start',
    healthPath:
      local?.getOptionalString('healthPath') ?? defaults.healthPath ?? '/',
    healthTimeoutMs:
      (local?.getOptionalNumber('healthTimeoutSeconds') ?? 60) * 1000,
  };
}

/**
 * The `ecs` block as {@link EcsDeployTarget} options, with an `ECSClient`
 * for `region` and `endpoint` whose credentials come from the AWS
 * integration's account `accountId` (default its main account), looked up on
 * the first call. Missing required keys throw the config reader's error,
 * which names the full key.
 */
export function readEcsTargetOptions(
  ecs: Config,
  rootConfig: Config,
  defaults: Pick<DeployTargetDefaults, 'healthPath' | 'configKey'> = {},
): EcsDeployTargetOptions {
  const accountId = ecs.getOptionalString('accountId');
  const manager = DefaultAwsCredentialsManager.fromConfig(rootConfig);
  let provider: Promise<CredentialProvider> | undefined;
  const credentials: CredentialProvider = async properties => {
    provider ??= manager
      .getCredentialProvider({ accountId })
      .then(found => found.sdkCredentialProvider)
      .catch(error => {
        // Looked up again on the next call, once the configuration is fixed.
        provider = undefined;
        throw error;
      });
    return (await provider)(properties);
  };
  return ecsOptions(ecs, credentials, defaults);
}

function ecsOptions(
  ecs: Config,
  credentials: CredentialProvider,
  defaults: Pick<DeployTargetDefaults, 'healthPath' | 'configKey'>,
): EcsDeployTargetOptions {
  const container = ecs.getConfig('container');
  const network = ecs.getConfig('network');
  const urlTemplate = ecs.getString('urlTemplate');
  if (!urlTemplate.includes('{environmentId}')) {
    throw new InputError(
      `${keyOf(
        defaults,
        'ecs.urlTemplate',
      )} '${urlTemplate}' must contain {environmentId}`,
    );
  }
  return {
    client: new ECSClient({
      region: ecs.getString('region'),
      endpoint: ecs.getOptionalString('endpoint'),
      credentials,
    }),
    cluster: ecs.getString('cluster'),
    urlTemplate,
    healthPath:
      ecs.getOptionalString('healthPath') ?? defaults.healthPath ?? '/',
    healthTimeoutMs:
      (ecs.getOptionalNumber('healthTimeoutSeconds') ?? 120) * 1000,
    steadyStateTimeoutMs:
      (ecs.getOptionalNumber('steadyStateTimeoutMinutes') ?? 15) * 60_000,
    container: {
      name: container.getOptionalString('name'),
      port: container.getNumber('port'),
      cpu: container.getString('cpu'),
      memory: container.getString('memory'),
      executionRoleArn: container.getOptionalString('executionRoleArn'),
      taskRoleArn: container.getOptionalString('taskRoleArn'),
      logGroup: container.getOptionalString('logGroup'),
    },
    network: {
      subnets: network.getStringArray('subnets'),
      securityGroups: network.getStringArray('securityGroups'),
      assignPublicIp: network.getOptionalBoolean('assignPublicIp') ?? false,
    },
  };
}

function keyOf(defaults: Pick<DeployTargetDefaults, 'configKey'>, key: string) {
  return defaults.configKey ? `${defaults.configKey}.${key}` : key;
}
