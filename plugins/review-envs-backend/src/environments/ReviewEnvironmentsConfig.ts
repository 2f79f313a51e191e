import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type ReviewEnvironmentsConfig = {
  /** Repositories whose open pull requests are polled, and how. */
  github?: {
    host: string;
    repositories: string[];
    reconcileMinutes: number;
  };
  reviewLabel: string;
  keepLabel: string;
  ttlMs: number;
  maxExtendMs: number;
  local: {
    workDir: string;
    command: string;
    healthPath: string;
    healthTimeoutMs: number;
    /** `owner/name` of a pull request's repository → local git repository path. */
    repositories: Map<string, string>;
  };
  /** Where environments run. Default `local`. */
  target?: 'local' | 'ecs';
  ecs?: EcsTargetConfig;
};

export type EcsTargetConfig = {
  region: string;
  /** Whose credentials from the AWS integration (`aws.accounts`); default its main account. */
  accountId?: string;
  /** Instead of the region's, e.g. for LocalStack. */
  endpoint?: string;
  cluster: string;
  urlTemplate: string;
  healthPath: string;
  healthTimeoutMs: number;
  steadyStateTimeoutMs: number;
  container: {
    name?: string;
    port: number;
    cpu: string;
    memory: string;
    executionRoleArn?: string;
    taskRoleArn?: string;
    logGroup?: string;
  };
  network: {
    subnets: string[];
    securityGroups: string[];
    assignPublicIp: boolean;
  };
  /** `owner/name` of a pull request's repository → image repository (tags are commit SHAs). */
  repositories: Map<string, string>;
};

/** What the configured target deploys a pull request's repository from, if configured. */
export function deploySource(
  config: ReviewEnvironmentsConfig,
  repository: string,
): { source?: string; configKey: string } {
  return config.target === 'ecs'
    ? {
        source: config.ecs?.repositories.get(repository),
        configKey: 'reviewEnvs.ecs.repositories',
      }
    : {
        source: config.local.repositories.get(repository),
        configKey: 'reviewEnvs.local.repositories',
      };
}

/** Reads `reviewEnvs.*` with its defaults; relative paths are from the backend's working directory. */
export function readReviewEnvironmentsConfig(
  config: Config,
): ReviewEnvironmentsConfig {
  const root = config.getOptionalConfig('reviewEnvs');
  const hours = (key: string, fallback: number) => {
    const value = root?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0))
      throw new InputError(
        `reviewEnvs.${key} must be a positive number of hours`,
      );
    return value * 3_600_000;
  };
  const local = root?.getOptionalConfig('local');
  const target = root?.getOptionalString('target') ?? 'local';
  if (target !== 'local' && target !== 'ecs') {
    throw new InputError(
      `reviewEnvs.target must be 'local' or 'ecs', not '${target}'`,
    );
  }
  const github = root?.getOptionalConfig('github');
  const githubRepositories =
    github?.getOptionalStringArray('repositories') ?? [];
  for (const repository of githubRepositories) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
      throw new InputError(
        `reviewEnvs.github.repositories: '${repository}' must be owner/name`,
      );
    }
  }
  return {
    github: githubRepositories.length
      ? {
          host: github?.getOptionalString('host') ?? 'github.com',
          repositories: githubRepositories,
          reconcileMinutes: github?.getOptionalNumber('reconcileMinutes') ?? 5,
        }
      : undefined,
    reviewLabel: root?.getOptionalString('reviewLabel') ?? 'review',
    keepLabel: root?.getOptionalString('keepLabel') ?? 'keep',
    ttlMs: hours('timeToLiveHours', 48),
    maxExtendMs: hours('maxExtendHours', 168),
    local: {
      workDir: resolve(
        local?.getOptionalString('workDir') ??
          join(tmpdir(), 'portal-review-envs'),
      ),
      command: local?.getOptionalString('command') ?? 'yarn start',
      healthPath: local?.getOptionalString('healthPath') ?? '/',
      healthTimeoutMs:
        (local?.getOptionalNumber('healthTimeoutSeconds') ?? 60) * 1000,
      repositories: repositoryMap(local, 'reviewEnvs.local', 'path', resolve),
    },
    target,
    ecs: target === 'ecs' ? readEcsConfig(root!.getConfig('ecs')) : undefined,
  };
}

function readEcsConfig(ecs: Config): EcsTargetConfig {
  const container = ecs.getConfig('container');
  const network = ecs.getConfig('network');
  const urlTemplate = ecs.getString('urlTemplate');
  if (!urlTemplate.includes('{environmentId}')) {
    throw new InputError(
      `reviewEnvs.ecs.urlTemplate '${urlTemplate}' must contain {environmentId}`,
    );
  }
  return {
    region: ecs.getString('region'),
    accountId: ecs.getOptionalString('accountId'),
    endpoint: ecs.getOptionalString('endpoint'),
    cluster: ecs.getString('cluster'),
    urlTemplate,
    healthPath: ecs.getOptionalString('healthPath') ?? '/',
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
    repositories: repositoryMap(ecs, 'reviewEnvs.ecs', 'image', v => v),
  };
}

/** `repositories: [{ name: owner/name, <valueKey>: ... }]` as a map. */
function repositoryMap(
  config: Config | undefined,
  key: string,
  valueKey: string,
  toValue: (value: string) => string,
): Map<string, string> {
  const repositories = new Map<string, string>();
  for (const [index, entry] of (
    config?.getOptionalConfigArray('repositories') ?? []
  ).entries()) {
    const name = entry.getString('name');
    if (!/^[\w.-]+\/[\w.-]+$/.test(name)) {
      throw new InputError(
        `${key}.repositories[${index}].name '${name}' must be owner/name`,
      );
    }
    repositories.set(name, toValue(entry.getString(valueKey)));
  }
  return repositories;
}
