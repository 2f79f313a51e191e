import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A service that answers its VERSION file on / and 200 on /health. */
export const TEST_SERVER = `
const http = require('http');
const version = require('fs').readFileSync(__dirname + '/VERSION', 'utf8').trim();
http.createServer((req, res) => res.end(version))
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening', version));
`;

/** A real git repository to deploy review environments from. */
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

  private git(args: string[]) {
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
