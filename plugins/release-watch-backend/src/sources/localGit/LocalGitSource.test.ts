import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { CursorStore } from '../CursorStore';
import { LocalGitSource } from './LocalGitSource';
import { readLocalGitConfig } from './readLocalGitConfig';
import { ConfigReader } from '@backstage/config';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function gitRepository() {
  const dir = mkdtempSync(join(tmpdir(), 'release-watch-git-'));
  const git = (date: string, ...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ada',
        GIT_AUTHOR_EMAIL: 'ada@example.com',
        GIT_COMMITTER_NAME: 'Ada',
        GIT_COMMITTER_EMAIL: 'ada@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    }).toString();
  const commit = (date: string, message: string) => {
    writeFileSync(join(dir, 'file.txt'), `${message}\n`);
    git(date, 'add', '.');
    git(date, 'commit', '-q', '-m', message);
  };
  /** A branch of one commit, merged into main as GitHub merges a pull request. */
  const mergePullRequest = (pullRequest: {
    branch: string;
    commit: string;
    committedAt: string;
    mergeMessage: string;
    mergedAt: string;
  }) => {
    const { branch, committedAt } = pullRequest;
    git(committedAt, 'checkout', '-q', '-b', branch);
    commit(committedAt, pullRequest.commit);
    git(committedAt, 'checkout', '-q', 'main');
    git(
      pullRequest.mergedAt,
      'merge',
      '-q',
      '--no-ff',
      branch,
      '-m',
      pullRequest.mergeMessage,
    );
  };
  git('2026-03-01T09:00:00Z', 'init', '-q', '-b', 'main');
  commit('2026-03-01T09:00:00Z', 'initial');
  mergePullRequest({
    branch: 'feature',
    commit: 'feature work',
    committedAt: '2026-03-02T09:00:00Z',
    mergeMessage: 'Merge pull request #7 from acme/feature',
    mergedAt: '2026-03-03T10:00:00Z',
  });
  git('2026-03-03T12:00:00Z', 'tag', '-a', 'v1.0.0', '-m', 'release 1.0.0');
  git(
    '2026-03-03T15:00:00Z',
    'tag',
    '-a',
    'deploy/production/v1.0.0',
    '-m',
    'deployed',
  );
  return { dir, mergePullRequest };
}

describe('LocalGitSource', () => {
  it('reads release tags, deploy tags and merges, and on the next pass only what is new', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-release-watch-backend',
        'migrations',
      ),
    });
    const { dir, mergePullRequest } = gitRepository();
    try {
      const received: ReleaseWatchEvent[][] = [];
      const sink = {
        ingest: async (events: ReleaseWatchEvent[]) => {
          received.push(events);
          return { accepted: events.length, duplicates: 0 };
        },
      };
      const [repository] = readLocalGitConfig(
        new ConfigReader({
          releaseWatch: {
            localGit: [{ path: dir, entityRef: 'component:default/web' }],
          },
        }),
      );
      const source = new LocalGitSource(
        [repository],
        sink,
        new CursorStore(knex),
        mockServices.logger.mock(),
      );

      await source.poll(repository);
      const byKind = Object.fromEntries(received[0].map(e => [e.kind, e]));
      expect(byKind.release).toMatchObject({
        version: 'v1.0.0',
        at: '2026-03-03T12:00:00.000Z',
        entityRef: 'component:default/web',
      });
      expect(byKind.deployment).toMatchObject({
        environment: 'production',
        version: 'v1.0.0',
        status: 'success',
        at: '2026-03-03T15:00:00.000Z',
      });
      expect(byKind.pull_request_merged).toMatchObject({
        number: 7,
        at: '2026-03-03T10:00:00.000Z',
        firstCommitAt: '2026-03-02T09:00:00.000Z',
      });
      expect(received[0]).toHaveLength(3);

      mergePullRequest({
        branch: 'second',
        commit: 'more work',
        committedAt: '2026-03-04T09:00:00Z',
        mergeMessage: 'Merge pull request #8',
        mergedAt: '2026-03-05T10:00:00Z',
      });
      await source.poll(repository);
      const changes = received[1].filter(e => e.kind === 'pull_request_merged');
      expect(changes).toEqual([expect.objectContaining({ number: 8 })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a repository unread while the catalog does not list its entity yet, for a while', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-release-watch-backend',
        'migrations',
      ),
    });
    const { dir } = gitRepository();
    try {
      const received: ReleaseWatchEvent[][] = [];
      const sink = {
        ingest: async (events: ReleaseWatchEvent[]) => {
          received.push(events);
          return { accepted: events.length, duplicates: 0 };
        },
      };
      const [repository] = readLocalGitConfig(
        new ConfigReader({
          releaseWatch: {
            localGit: [{ path: dir, entityRef: 'component:default/Web' }],
          },
        }),
      );
      let listed = false;
      const knows = jest.fn(async () => listed);
      const source = (waitMs?: number) =>
        new LocalGitSource(
          [repository],
          sink,
          new CursorStore(knex),
          mockServices.logger.mock(),
          { knows, waitMs, recheckMs: 10, waitInPollMs: 50 },
        );

      const fresh = source();
      await fresh.pollAll();
      expect(received).toEqual([]);
      expect(knows).toHaveBeenCalledWith('component:default/web');
      // Looked again within the poll, every recheckMs for waitInPollMs.
      expect(knows.mock.calls.length).toBeGreaterThan(2);

      listed = true;
      await fresh.pollAll();
      expect(received[0]).toHaveLength(3);

      // Listed while a poll waits: read in that same poll.
      received.length = 0;
      await new CursorStore(knex).set(`git:${dir}`, '');
      listed = false;
      knows.mockClear();
      knows.mockImplementation(async () => knows.mock.calls.length > 2);
      await fresh.pollAll();
      expect(received[0]).toHaveLength(3);
      knows.mockImplementation(async () => listed);

      // Past the wait, an entity the catalog never lists is read anyway.
      listed = false;
      received.length = 0;
      await new CursorStore(knex).set(`git:${dir}`, '');
      await source(0).pollAll();
      expect(received[0]).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
