import { CursorStore } from '../CursorStore';
import { PollOptions } from '../pollOptions';
import { LocalGitSource } from './LocalGitSource';
import { readLocalGitConfig } from './readLocalGitConfig';

/** Polls the repositories under `releaseWatch.localGit`, if any. */
export async function scheduleLocalGitPolls(options: PollOptions) {
  const { config, knex, sink, scheduler, logger, directory } = options;
  const repositories = readLocalGitConfig(config);
  if (repositories.length === 0) {
    return;
  }
  const localGit = new LocalGitSource(
    repositories,
    sink,
    new CursorStore(knex),
    logger,
    directory && { knows: entityRef => directory.knows(entityRef) },
  );
  await scheduler.scheduleTask({
    id: 'release-watch-local-git',
    frequency: {
      seconds: config.getOptionalNumber('releaseWatch.pollSeconds') ?? 60,
    },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 3 },
    fn: () => localGit.pollAll(),
  });
}
