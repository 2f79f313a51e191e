import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { isAbsolute, resolve } from 'node:path';

export type LocalGitRepository = {
  path: string;
  entityRef: string;
  releaseTagPattern: RegExp;
  deployTagPattern: RegExp;
  changes: 'merge-commits' | 'all-commits';
};

const DEFAULT_RELEASE_TAGS = '^v?\\d+\\.\\d+\\.\\d+$';
const DEFAULT_DEPLOY_TAGS = '^deploy/(?<environment>[^/]+)/(?<version>.+)$';

/** `releaseWatch.localGit`: repositories read from disk, relative paths from the backend's working directory. */
export function readLocalGitConfig(config: Config): LocalGitRepository[] {
  return (config.getOptionalConfigArray('releaseWatch.localGit') ?? []).map(
    (entry, index) => {
      const where = `releaseWatch.localGit[${index}]`;
      const pattern = (key: string, fallback: string) => {
        const source = entry.getOptionalString(key) ?? fallback;
        try {
          return new RegExp(source);
        } catch (error) {
          throw new InputError(
            `${where}.${key} is not a regular expression: ${error}`,
          );
        }
      };
      const deployTagPattern = pattern('deployTagPattern', DEFAULT_DEPLOY_TAGS);
      if (
        !/\(\?<environment>/.test(deployTagPattern.source) ||
        !/\(\?<version>/.test(deployTagPattern.source)
      ) {
        throw new InputError(
          `${where}.deployTagPattern needs the named groups (?<environment>...) and (?<version>...)`,
        );
      }
      const changes = entry.getOptionalString('changes') ?? 'merge-commits';
      if (changes !== 'merge-commits' && changes !== 'all-commits') {
        throw new InputError(
          `${where}.changes must be merge-commits or all-commits`,
        );
      }
      const path = entry.getString('path');
      return {
        path: isAbsolute(path) ? path : resolve(process.cwd(), path),
        entityRef: entry.getString('entityRef').toLowerCase(),
        releaseTagPattern: pattern('releaseTagPattern', DEFAULT_RELEASE_TAGS),
        deployTagPattern,
        changes,
      };
    },
  );
}
