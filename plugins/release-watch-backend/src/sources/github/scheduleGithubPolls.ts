import { createGithubClientFactory } from '@internal/backend-plugin-utils';
import { CursorStore } from '../CursorStore';
import { PollOptions } from '../pollOptions';
import { GithubPoller } from './GithubPoller';
import { readGithubConfig } from './readGithubConfig';

/** Polls the repositories under `releaseWatch.github`, if any. */
export async function scheduleGithubPolls(options: PollOptions) {
  const { config, knex, sink, scheduler, logger } = options;
  const github = readGithubConfig(config);
  if (!github || github.repositories.length === 0) {
    return;
  }
  const poller = new GithubPoller({
    ...github,
    clientFor: createGithubClientFactory(config, github.host, logger),
    sink,
    cursors: new CursorStore(knex),
    logger,
  });
  await scheduler.scheduleTask({
    id: 'release-watch-github',
    frequency: { minutes: github.pollMinutes },
    timeout: { minutes: 30 },
    initialDelay: { seconds: 10 },
    fn: () => poller.pollAll(),
  });
}
