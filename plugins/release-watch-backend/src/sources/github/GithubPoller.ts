import { LoggerService } from '@backstage/backend-plugin-api';
import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { EventSink } from '../../ingest/EventSink';
import { CursorStore } from '../CursorStore';
import {
  ciRunEvent,
  deploymentEvent,
  mergedPullRequestEvent,
  releaseEvent,
} from './githubEvents';
import { GithubClient } from '@internal/backend-plugin-utils';

const DAY_MS = 86_400_000;
/** Re-read this far behind the cursor: deployments finish and runs complete after they were created. */
const LOOKBACK_MS = DAY_MS;

type Cursor = { since: string };

/**
 * Polls GitHub repositories for deployments and their statuses, releases,
 * completed workflow runs and merged pull requests, from a cursor per
 * repository that moves only once a whole pass is stored (a failure mid-way
 * repeats the pass; natural keys keep the repeat from counting twice).
 */
export class GithubPoller {
  constructor(
    private readonly options: {
      repositories: string[];
      clientFor: (repository: string) => Promise<GithubClient>;
      sink: EventSink;
      cursors: CursorStore;
      logger: LoggerService;
      /** How far back the first pass of a repository reads. */
      backfillDays: number;
      host: string;
    },
  ) {}

  async pollAll(): Promise<void> {
    for (const repository of this.options.repositories) {
      try {
        const stored = await this.poll(repository);
        this.options.logger.info(
          `Polled GitHub ${repository}: ${stored.accepted} new events, ${stored.duplicates} known`,
        );
      } catch (error) {
        this.options.logger.warn(
          `Polling GitHub ${repository} failed; its cursor stays and the next pass repeats it: ${error}`,
        );
      }
    }
  }

  async poll(repository: string) {
    const { cursors, sink } = this.options;
    const cursorKey = `github:${this.options.host}/${repository}`;
    const stored = await cursors.get(cursorKey);
    const startedAt = Date.now();
    const since = stored
      ? Date.parse((JSON.parse(stored) as Cursor).since) - LOOKBACK_MS
      : startedAt - this.options.backfillDays * DAY_MS;
    const octokit = await this.options.clientFor(repository);
    const [owner, repo] = repository.split('/');
    const events: ReleaseWatchEvent[] = [];
    const keep = (event: ReleaseWatchEvent | undefined) => {
      if (event) events.push(event);
    };

    for await (const page of octokit.paginate.iterator(
      octokit.rest.repos.listReleases,
      {
        owner,
        repo,
        per_page: 100,
      },
    )) {
      page.data.forEach(release => keep(releaseEvent(repository, release)));
      if (page.data.some(release => Date.parse(release.created_at) < since))
        break;
    }

    for await (const page of octokit.paginate.iterator(
      octokit.rest.pulls.list,
      {
        owner,
        repo,
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
      },
    )) {
      page.data.forEach(pull => keep(mergedPullRequestEvent(repository, pull)));
      if (page.data.some(pull => Date.parse(pull.updated_at) < since)) break;
    }

    for await (const page of octokit.paginate.iterator(
      octokit.rest.actions.listWorkflowRunsForRepo,
      {
        owner,
        repo,
        status: 'completed',
        created: `>=${new Date(since).toISOString()}`,
        per_page: 100,
      },
    )) {
      page.data.forEach(run => keep(ciRunEvent(repository, run as any)));
    }

    for await (const page of octokit.paginate.iterator(
      octokit.rest.repos.listDeployments,
      {
        owner,
        repo,
        per_page: 100,
      },
    )) {
      for (const deployment of page.data) {
        if (Date.parse(deployment.created_at) < since) continue;
        const { data: statuses } =
          await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: deployment.id,
            per_page: 20,
          });
        // Newest first: the latest terminal status is how it ended.
        const ended = statuses
          .map(status => deploymentEvent(repository, deployment, status))
          .find(Boolean);
        keep(ended);
      }
      if (
        page.data.some(deployment => Date.parse(deployment.created_at) < since)
      )
        break;
    }

    const result = await sink.ingest(events);
    await cursors.set(
      cursorKey,
      JSON.stringify({ since: new Date(startedAt).toISOString() }),
    );
    return result;
  }
}
