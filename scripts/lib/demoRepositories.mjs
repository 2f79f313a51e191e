// The demo data of a fresh start: two small git repositories with half a
// year of history (merged pull requests, weekly release tags, staging and
// production deploy tags) that Release Watch reads through its local git
// source, the same path a real repository takes. Made once; an existing
// repository is left alone.
//   node scripts/lib/demoRepositories.mjs [folder]   (default data/demo-git)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { seededRandom } from './seededRandom.mjs';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const WEEKS = 26;

/** Time to production in hours, falling over the half year, with the odd outlier. */
const DEMO_REPOSITORIES = [
  { name: 'workspace-web', firstHours: 30, lastHours: 2.5, mergesPerWeek: 5 },
  { name: 'workspace-api', firstHours: 20, lastHours: 3.5, mergesPerWeek: 3 },
];

export function ensureDemoRepositories(
  folder = resolve(REPO_ROOT, 'data/demo-git'),
  now = Date.now(),
) {
  mkdirSync(folder, { recursive: true });
  for (const demo of DEMO_REPOSITORIES) {
    const target = resolve(folder, demo.name);
    if (existsSync(resolve(target, '.git'))) continue;
    // Built aside and moved into place, so a half-made one is never read.
    const building = `${target}.building`;
    rmSync(building, { recursive: true, force: true });
    makeRepository(building, demo, now);
    renameSync(building, target);
  }
}

function makeRepository(dir, demo, now) {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(demo.name.length * 7919);
  const git = (date, ...args) =>
    execFileSync('git', ['-C', dir, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Demo Developer',
        GIT_AUTHOR_EMAIL: 'demo@example.com',
        GIT_COMMITTER_NAME: 'Demo Developer',
        GIT_COMMITTER_EMAIL: 'demo@example.com',
        GIT_AUTHOR_DATE: new Date(date).toISOString(),
        GIT_COMMITTER_DATE: new Date(date).toISOString(),
      },
    })
      .toString()
      .trim();
  git(now, 'init', '-q', '-b', 'main');
  const tree = git(now, 'hash-object', '-t', 'tree', '-w', '--stdin');
  const start = now - WEEKS * 7 * DAY_MS;
  let main = git(start, 'commit-tree', tree, '-m', 'Initial commit');
  let pullRequest = 1;
  for (let week = 0; week < WEEKS; week++) {
    const weekStart = start + week * 7 * DAY_MS;
    for (let merge = 0; merge < demo.mergesPerWeek; merge++) {
      const mergedAt =
        weekStart + (merge + 0.5) * DAY_MS + random() * 6 * HOUR_MS;
      const firstCommitAt = mergedAt - (4 + random() * 40) * HOUR_MS;
      let branch = git(
        firstCommitAt,
        'commit-tree',
        tree,
        '-p',
        main,
        '-m',
        `Work on change ${pullRequest}`,
      );
      branch = git(
        mergedAt - HOUR_MS,
        'commit-tree',
        tree,
        '-p',
        branch,
        '-m',
        `Review fixes for change ${pullRequest}`,
      );
      main = git(
        mergedAt,
        'commit-tree',
        tree,
        '-p',
        main,
        '-p',
        branch,
        '-m',
        `Merge pull request #${pullRequest} from demo/change-${pullRequest}`,
      );
      pullRequest += 1;
    }
    const progress = week / (WEEKS - 1);
    const outlier = random() < 0.08;
    const hours = outlier
      ? 24 + random() * 6
      : (demo.firstHours + (demo.lastHours - demo.firstHours) * progress) *
        (0.6 + random() * 0.8);
    const releasedAt = weekStart + 5 * DAY_MS + 10 * HOUR_MS;
    const version = `v1.${week}.0`;
    if (releasedAt + hours * HOUR_MS >= now) break;
    git(releasedAt, 'update-ref', 'refs/heads/main', main);
    git(releasedAt, 'tag', '-a', version, main, '-m', `Release ${version}`);
    git(
      releasedAt + (hours / 2) * HOUR_MS,
      'tag',
      '-a',
      `deploy/staging/${version}`,
      main,
      '-m',
      `${version} on staging`,
    );
    git(
      releasedAt + hours * HOUR_MS,
      'tag',
      '-a',
      `deploy/production/${version}`,
      main,
      '-m',
      `${version} in production`,
    );
  }
  git(now, 'update-ref', 'refs/heads/main', main);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureDemoRepositories(process.argv[2] && resolve(process.argv[2]));
}
