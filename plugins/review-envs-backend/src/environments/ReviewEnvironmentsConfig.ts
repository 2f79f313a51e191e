import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DeployTargetDefaults,
  LocalProcessDeployTargetOptions,
  readLocalTargetOptions,
  readTargetType,
} from '@internal/backend-deploy-targets';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type ReviewEnvironmentsConfig = {
  /**
   * The web host of the pull requests' repositories, for links to them
   * (`https://<host>/<owner>/<name>/pull/<n>`). Default `github.com`.
   */
  pullRequestHost?: string;
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
  /** The local target's options (as the target is built from them), and the repositories it deploys. */
  local: LocalProcessDeployTargetOptions & {
    /** `owner/name` of a pull request's repository → local git repository path. */
    repositories: Map<string, string>;
  };
  /** Where environments run. Default `local`. */
  target?: 'local' | 'ecs';
  /** The ECS target's repositories; the target itself is read by `createDeployTarget`. */
  ecs?: {
    /** `owner/name` of a pull request's repository → image repository (tags are commit SHAs). */
    repositories: Map<string, string>;
  };
};

/** What `reviewEnvs.local` and `reviewEnvs.ecs` default to. */
export const DEPLOY_TARGET_DEFAULTS: DeployTargetDefaults = {
  localWorkDir: join(tmpdir(), 'portal-review-envs'),
  localCommand: 'yarn start',
  healthPath: '/',
  configKey: 'reviewEnvs',
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
  const target = readTargetType(root, DEPLOY_TARGET_DEFAULTS);
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
    pullRequestHost: pullRequestHost(config),
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
      ...readLocalTargetOptions(local, DEPLOY_TARGET_DEFAULTS),
      repositories: repositoryMap(local, 'reviewEnvs.local', 'path', resolve),
    },
    target,
    ecs:
      target === 'ecs'
        ? {
            repositories: repositoryMap(
              root?.getOptionalConfig('ecs'),
              'reviewEnvs.ecs',
              'image',
              v => v,
            ),
          }
        : undefined,
  };
}

/**
 * Where pull requests live: `reviewEnvs.github.host` when set, else the host
 * of the only `integrations.github` entry, else `github.com`.
 */
function pullRequestHost(config: Config): string {
  const configured = config.getOptionalString('reviewEnvs.github.host');
  if (configured) return configured;
  const integrations = config.getOptionalConfigArray('integrations.github');
  if (integrations?.length === 1) {
    return integrations[0].getOptionalString('host') ?? 'github.com';
  }
  return 'github.com';
}

/**
 * The pull request's page, or null for repositories of the `local` owner
 * (pull requests reported for a local clone, with no git host).
 */
export function pullRequestUrl(
  config: Pick<ReviewEnvironmentsConfig, 'pullRequestHost'>,
  repository: string,
  number: number,
): string | null {
  if (repository.startsWith('local/')) return null;
  const host = config.pullRequestHost ?? 'github.com';
  return `https://${host}/${repository}/pull/${number}`;
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
