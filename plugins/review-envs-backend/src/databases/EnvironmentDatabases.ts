import { LoggerService } from '@backstage/backend-plugin-api';
import {
  databaseUrl,
  ForeignResourceError,
  OwnedDatabases,
} from '@internal/backend-databases';
import { EnvironmentStore } from '../database/EnvironmentStore';

/**
 * Each review environment's own database, made through the drivers tenants
 * use on its first deploy and dropped at its teardown. Every resource is
 * recorded before it is made, and removed only when it is one the driver
 * names from the environment's id.
 */
export class EnvironmentDatabases {
  constructor(
    private readonly options: {
      drivers: OwnedDatabases;
      store: Pick<
        EnvironmentStore,
        | 'recordDatabaseResource'
        | 'databaseResources'
        | 'forgetDatabaseResource'
        | 'recordDatabase'
        | 'databaseUrl'
        | 'forgetDatabase'
      >;
      /** What a new database starts with. */
      seedSql: string;
      logger: LoggerService;
    },
  ) {}

  /**
   * The environment's `DATABASE_URL`; its database is made and seeded first
   * when it has none. What an earlier attempt left half-made (a crash
   * between recording and making) is dropped before.
   */
  async ensure(id: string, log?: (line: string) => void): Promise<string> {
    const { drivers, store, seedSql } = this.options;
    const existing = await store.databaseUrl(id);
    if (existing) return existing;
    await this.drop(id);
    log?.(`Creating the environment's database`);
    const connection = await drivers.create(id, seedSql, resource =>
      store.recordDatabaseResource(id, resource),
    );
    const url = databaseUrl(connection);
    await store.recordDatabase(id, url);
    return url;
  }

  /** Drops everything recorded for the environment, newest first. */
  async drop(id: string): Promise<void> {
    const { drivers, store, logger } = this.options;
    await store.forgetDatabase(id);
    for (const resource of (await store.databaseResources(id)).reverse()) {
      try {
        await drivers.remove(id, resource);
      } catch (error) {
        if (!(error instanceof ForeignResourceError)) throw error;
        // Never the portal's to remove: forget the entry, touch nothing.
        logger.error(`Review environment ${id}: ${error.message}`);
      }
      await store.forgetDatabaseResource(id, resource);
    }
  }
}
