import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * `publish:local-git`: the embedded default's stand-in for publish:github.
 * Puts the task's workspace into a new git repository
 * `<repositoriesDir>/<name>` with one commit on `main`. Refuses a name that
 * exists: what the portal did not make, it does not touch. A half-made
 * repository is removed before the error is reported.
 */
export function createPublishLocalGitAction(options: {
  repositoriesDir: string;
}) {
  const root = resolve(options.repositoriesDir);
  return createTemplateAction({
    id: 'publish:local-git',
    description:
      "Publishes the workspace as a new local git repository (the embedded default's stand-in for publish:github).",
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe('Repository name: lower-case letters, digits and dashes'),
        description: z =>
          z.string().optional().describe('First commit message body'),
      },
      output: {
        repositoryPath: z => z.string().describe('Where the repository is'),
        catalogInfoPath: z =>
          z
            .string()
            .describe("Absolute path of the repository's catalog-info.yaml"),
        commitSha: z => z.string().describe('The commit'),
      },
    },
    async handler(ctx) {
      const { name, description } = ctx.input;
      if (!NAME.test(name)) {
        throw new InputError(
          `repository name '${name}' must be lower-case letters, digits and dashes, starting with a letter`,
        );
      }
      const path = join(root, name);
      if (ctx.isDryRun) {
        ctx.logger.info(`Would create the git repository ${path}`);
        ctx.output('repositoryPath', path);
        ctx.output('catalogInfoPath', join(path, 'catalog-info.yaml'));
        ctx.output('commitSha', '0'.repeat(40));
        return;
      }
      if (existsSync(path)) {
        throw new ConflictError(
          `${path} already exists; the portal does not touch what it did not make`,
        );
      }
      const git = (...args: string[]) =>
        run('git', ['-C', path, ...args], {
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 'Developer Portal',
            GIT_AUTHOR_EMAIL: 'portal@localhost',
            GIT_COMMITTER_NAME: 'Developer Portal',
            GIT_COMMITTER_EMAIL: 'portal@localhost',
          },
        });
      mkdirSync(root, { recursive: true });
      try {
        cpSync(ctx.workspacePath, path, { recursive: true });
        await git('init', '-q', '-b', 'main');
        await git('add', '--all');
        await git(
          'commit',
          '-q',
          '-m',
          `Create ${name} from the New service template${
            description ? `\n\n${description}` : ''
          }`,
        );
      } catch (error) {
        rmSync(path, { recursive: true, force: true });
        throw error;
      }
      const { stdout } = await git('rev-parse', 'HEAD');
      ctx.logger.info(`Created the git repository ${path}`);
      ctx.output('repositoryPath', path);
      ctx.output('catalogInfoPath', join(path, 'catalog-info.yaml'));
      ctx.output('commitSha', stdout.trim());
    },
  });
}
