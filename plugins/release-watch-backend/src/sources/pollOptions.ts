import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { CatalogEntityDirectory } from '../attribution/EntityDirectory';
import { EventSink } from '../ingest/EventSink';

/** What a polled source needs: its config, where its cursors and events go, and a schedule. */
export type PollOptions = {
  config: RootConfigService;
  knex: Knex;
  sink: EventSink;
  scheduler: SchedulerService;
  logger: LoggerService;
  /** The catalog's entities, for sources that wait for theirs to be listed. */
  directory?: Pick<CatalogEntityDirectory, 'knows'>;
};
