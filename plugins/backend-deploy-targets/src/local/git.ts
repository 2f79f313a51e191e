import { InputError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export async function git(repository: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-C', repository, ...args], {
    maxBuffer: 10 * 1024 * 1024,
  });
  return stdout.trim();
}

/** The commit a branch, tag or SHA names; bad or unknown refs are an InputError. */
export async function resolveCommit(
  repository: string,
  ref: string,
): Promise<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/.test(ref) || ref.includes('..')) {
    throw new InputError(`'${ref}' is not a valid git ref`);
  }
  const lookUp = () =>
    git(repository, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  try {
    return await lookUp();
  } catch {
    // A pull request's head is often not in the clone yet: fetch it from
    // `origin` when the clone has one (a branch by name, or a commit id).
  }
  try {
    await git(repository, ['fetch', '--quiet', '--no-tags', 'origin', ref]);
    return await git(repository, [
      'rev-parse',
      '--verify',
      '--quiet',
      /^[0-9a-f]{40}$/.test(ref) ? `${ref}^{commit}` : 'FETCH_HEAD^{commit}',
    ]);
  } catch {
    throw new InputError(
      `'${ref}' names no commit in ${repository}, nor on its origin`,
    );
  }
}
