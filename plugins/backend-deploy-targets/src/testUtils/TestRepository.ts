import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A real git repository for the local target to deploy from. */
export class TestRepository {
  constructor(readonly path: string) {
    execFileSync('git', ['init', '-q', path]);
  }

  /** Commits the files on the branch and returns the commit SHA. */
  commit(branch: string, files: Record<string, string>): string {
    this.git(['checkout', '-q', '-B', branch]);
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(this.path, name), content);
    }
    this.git(['add', '.']);
    this.git(['commit', '-q', '-m', branch]);
    return this.git(['rev-parse', 'HEAD']);
  }

  /** Runs git in the repository, as a test committer; returns its output. */
  git(args: string[]): string {
    return execFileSync(
      'git',
      [
        '-C',
        this.path,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@example.com',
        ...args,
      ],
      { encoding: 'utf8' },
    ).trim();
  }
}
