import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export type GithubSourceConfig = {
  host: string;
  repositories: string[];
  pollMinutes: number;
  backfillDays: number;
};

/** `releaseWatch.github`: the repositories polled; absent, nothing is polled. */
export function readGithubConfig(
  config: Config,
): GithubSourceConfig | undefined {
  const github = config.getOptionalConfig('releaseWatch.github');
  if (!github) {
    return undefined;
  }
  const repositories = github.getOptionalStringArray('repositories') ?? [];
  for (const repository of repositories) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
      throw new InputError(
        `releaseWatch.github.repositories: '${repository}' is not owner/name`,
      );
    }
  }
  return {
    host: github.getOptionalString('host') ?? 'github.com',
    repositories,
    pollMinutes: github.getOptionalNumber('pollMinutes') ?? 10,
    backfillDays: github.getOptionalNumber('backfillDays') ?? 90,
  };
}
