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
};

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
  const repositories = new Map<string, string>();
  for (const [index, entry] of (
    local?.getOptionalConfigArray('repositories') ?? []
  ).entries()) {
    const name = entry.getString('name');
    if (!/^[\w.-]+\/[\w.-]+$/.test(name)) {
      throw new InputError(
        `reviewEnvs.local.repositories[${index}].name '${name}' must be owner/name`,
      );
    }
    repositories.set(name, resolve(entry.getString('path')));
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
      repositories,
    },
  };
}
