import { LoggerService } from '@backstage/backend-plugin-api';
import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EventSink } from '../../ingest/EventSink';
import { CursorStore } from '../CursorStore';
import { LocalGitRepository } from './readLocalGitConfig';

const run = promisify(execFile);
const FIELD = '\x1f';

/**
 * How long after start a repository whose entity the catalog does not list
 * yet is left unread, so that a fresh portal's first pass does not store its
 * history unattributed; after that it is read whatever the catalog says.
 */
export const CATALOG_WAIT_MS = 10 * 60_000;

/**
 * A local git repository as a source: release tags are releases, deploy tags
 * (`deploy/<environment>/<version>`) are deployments, merge commits (or every
 * commit of a repository that does not merge) are merged changes. Tags are
 * read whole each pass (the store drops what it has); commits only since the
 * cursor, which moves after the events are stored.
 */
export class LocalGitSource {
  constructor(
    private readonly repositories: LocalGitRepository[],
    private readonly sink: EventSink,
    private readonly cursors: CursorStore,
    private readonly logger: LoggerService,
    private readonly catalog?: {
      /** Whether the catalog lists the entity (events would be attributed to it). */
      knows(entityRef: string): Promise<boolean>;
      waitMs?: number;
      /** Within one poll, how often to look again, and for how long at most. */
      recheckMs?: number;
      waitInPollMs?: number;
    },
  ) {}

  private readonly startedAt = Date.now();

  async pollAll(): Promise<void> {
    for (const repository of this.repositories) {
      try {
        if (await this.waitsForCatalog(repository)) {
          this.logger.info(
            `Waiting for the catalog to list ${repository.entityRef} before reading the git repository ${repository.path}`,
          );
          continue;
        }
        const stored = await this.poll(repository);
        if (stored.accepted > 0) {
          this.logger.info(
            `Read ${stored.accepted} new events from the git repository ${repository.path}`,
          );
        }
      } catch (error) {
        this.logger.warn(
          `Could not read the git repository ${repository.path}; will retry: ${error}`,
        );
      }
    }
  }

  /**
   * Whether to leave the repository for a later poll: its entity is still
   * not listed after looking again every `recheckMs` for `waitInPollMs`, and
   * the portal started less than `waitMs` ago. Looking again within the poll
   * lets a fresh portal read its history seconds after the catalog lists it,
   * rather than a poll interval later.
   */
  private async waitsForCatalog(repository: LocalGitRepository) {
    const catalog = this.catalog;
    const entityRef = repository.entityRef;
    if (!catalog || !entityRef) return false;
    const waitMs = catalog.waitMs ?? CATALOG_WAIT_MS;
    const recheckMs = catalog.recheckMs ?? 5_000;
    const pollEnds = Date.now() + (catalog.waitInPollMs ?? 45_000);
    for (;;) {
      if (Date.now() - this.startedAt >= waitMs) return false;
      if (await catalog.knows(entityRef)) return false;
      if (Date.now() + recheckMs > pollEnds) return true;
      await new Promise(resolve => setTimeout(resolve, recheckMs));
    }
  }

  async poll(repository: LocalGitRepository) {
    const git = async (...args: string[]) =>
      (
        await run('git', ['-C', repository.path, ...args], {
          maxBuffer: 64 * 1024 * 1024,
        })
      ).stdout;
    const cursorKey = `git:${repository.path}`;
    const head = (await git('rev-parse', 'HEAD')).trim();
    const cursor = await this.cursors.get(cursorKey);
    const events = [
      ...(await this.tagEvents(repository, git)),
      ...(await this.changeEvents(repository, git, head, cursor)),
    ];
    const stored = await this.sink.ingest(events);
    await this.cursors.set(cursorKey, head);
    return stored;
  }

  private async tagEvents(
    repository: LocalGitRepository,
    git: (...args: string[]) => Promise<string>,
  ): Promise<ReleaseWatchEvent[]> {
    const output = await git(
      'for-each-ref',
      `--format=%(refname:short)${FIELD}%(creatordate:iso-strict)${FIELD}%(objectname)${FIELD}%(*objectname)`,
      'refs/tags',
    );
    const events: ReleaseWatchEvent[] = [];
    for (const line of output.split('\n').filter(Boolean)) {
      const [tag, date, object, peeled] = line.split(FIELD);
      const commitSha = peeled || object;
      const base = {
        at: new Date(date).toISOString(),
        entityRef: repository.entityRef,
        commitSha,
      };
      const deploy = repository.deployTagPattern.exec(tag);
      if (deploy?.groups?.environment && deploy.groups.version) {
        events.push({
          ...base,
          id: `git:${repository.entityRef}:tag:${tag}`,
          kind: 'deployment',
          environment: deploy.groups.environment,
          version: deploy.groups.version,
          status: 'success',
        });
      } else if (repository.releaseTagPattern.test(tag)) {
        events.push({
          ...base,
          id: `git:${repository.entityRef}:tag:${tag}`,
          kind: 'release',
          version: tag,
        });
      }
    }
    return events;
  }

  private async changeEvents(
    repository: LocalGitRepository,
    git: (...args: string[]) => Promise<string>,
    head: string,
    cursor: string | undefined,
  ): Promise<ReleaseWatchEvent[]> {
    let range = head;
    if (cursor) {
      const reachable = await git('merge-base', '--is-ancestor', cursor, head)
        .then(() => true)
        .catch(() => false);
      range = reachable ? `${cursor}..${head}` : head;
    }
    const merges = repository.changes === 'merge-commits';
    const output = await git(
      'log',
      ...(merges ? ['--merges'] : ['--no-merges']),
      `--format=%H${FIELD}%cI${FIELD}%aI${FIELD}%P${FIELD}%s`,
      range,
    );
    const events: ReleaseWatchEvent[] = [];
    for (const line of output.split('\n').filter(Boolean)) {
      const [sha, committed, authored, parents, subject] = line.split(FIELD);
      const number = /#(\d+)/.exec(subject)?.[1];
      let firstCommitAt = authored;
      const [first, second] = parents.split(' ');
      if (merges && second) {
        // The change's first commit: the oldest one the merge brought in.
        const dates = await git('log', '--format=%aI', `${first}..${second}`);
        firstCommitAt = dates.split('\n').filter(Boolean).pop() ?? committed;
      }
      events.push({
        id: `git:${repository.entityRef}:change:${sha}`,
        kind: 'pull_request_merged',
        at: new Date(committed).toISOString(),
        entityRef: repository.entityRef,
        number: number ? Number(number) : undefined,
        title: subject.slice(0, 500),
        firstCommitAt: new Date(firstCommitAt).toISOString(),
        mergeCommitSha: sha,
      });
    }
    return events;
  }
}
