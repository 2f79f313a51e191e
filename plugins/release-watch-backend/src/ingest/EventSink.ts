import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';

/** Where every source (GitHub, push API, local git) delivers events; one write path for all. */
export interface EventSink {
  /**
   * Stores valid events (each must have its natural key `id` set), skipping
   * ids stored before. Returns how many were new and how many duplicates.
   */
  ingest(
    events: ReleaseWatchEvent[],
  ): Promise<{ accepted: number; duplicates: number }>;
}
