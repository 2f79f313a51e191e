import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export type SharedEnvironmentConfig = {
  name: string;
  title: string;
  defaultDurationMs: number;
  maxDurationMs: number;
  /** Base branches whose pull requests deploy to the environment. */
  branches: string[];
};

const DEFAULT_DURATION_MINUTES = 120;
const MAX_DURATION_MINUTES = 480;
const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?$/;
const BRANCH_PATTERN = /^\S+$/;

/**
 * Reads `reviewEnvs.sharedEnvironments`; without it the portal has one
 * shared environment, `staging`.
 */
export function readSharedEnvironments(
  config: Config,
): SharedEnvironmentConfig[] {
  const entries = config.getOptionalConfigArray(
    'reviewEnvs.sharedEnvironments',
  );
  if (!entries) {
    return [
      {
        name: 'staging',
        title: 'Staging',
        defaultDurationMs: DEFAULT_DURATION_MINUTES * 60_000,
        maxDurationMs: MAX_DURATION_MINUTES * 60_000,
        branches: [],
      },
    ];
  }
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const key = `reviewEnvs.sharedEnvironments[${index}]`;
    const name = entry.getString('name');
    if (!NAME_PATTERN.test(name)) {
      throw new InputError(
        `${key}.name '${name}' must be lower-case letters, digits and dashes`,
      );
    }
    if (seen.has(name)) {
      throw new InputError(`${key}.name '${name}' is configured twice`);
    }
    seen.add(name);
    const defaultMinutes =
      entry.getOptionalNumber('defaultDurationMinutes') ??
      DEFAULT_DURATION_MINUTES;
    const maxMinutes =
      entry.getOptionalNumber('maxDurationMinutes') ?? MAX_DURATION_MINUTES;
    if (!(defaultMinutes > 0) || !(maxMinutes >= defaultMinutes)) {
      throw new InputError(
        `${key}: defaultDurationMinutes (${defaultMinutes}) must be positive and at most maxDurationMinutes (${maxMinutes})`,
      );
    }
    const branches = entry.getOptionalStringArray('branches') ?? [];
    for (const branch of branches) {
      if (!BRANCH_PATTERN.test(branch)) {
        throw new InputError(
          `${key}.branches: '${branch}' must be a branch name, not empty and without spaces`,
        );
      }
    }
    return {
      name,
      title: entry.getOptionalString('title') ?? name,
      defaultDurationMs: defaultMinutes * 60_000,
      maxDurationMs: maxMinutes * 60_000,
      branches,
    };
  });
}
