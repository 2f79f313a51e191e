import { DatabaseService } from '@backstage/backend-plugin-api';
import { migratedClient } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { QueuedDeployment } from './deploymentOutboxRows';
import { deleteDeploymentOutbox } from './operations/deployments/deleteDeploymentOutbox';
import { readDeploymentOutbox } from './operations/deployments/readDeploymentOutbox';
import { trimDeploymentOutbox } from './operations/deployments/trimDeploymentOutbox';

const PACKAGE = '@internal/plugin-tenant-scaffolder-backend';

/**
 * The deployments waiting for Release Watch. The tenant store queues them
 * in the transaction of the change they report; the reporter takes them
 * out once Release Watch has them.
 */
export interface DeploymentOutbox {
  /** The oldest first. */
  read(limit: number): Promise<QueuedDeployment[]>;
  remove(ids: number[]): Promise<void>;
  /** Drops all but the newest `keep`; answers how many it dropped. */
  trim(keep: number): Promise<number>;
}

export class DatabaseDeploymentOutbox implements DeploymentOutbox {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseDeploymentOutbox> {
    return new DatabaseDeploymentOutbox(
      await migratedClient(options.database, PACKAGE),
    );
  }

  private constructor(private readonly db: Knex) {}

  read(limit: number) {
    return readDeploymentOutbox(this.db, limit);
  }

  remove(ids: number[]) {
    return deleteDeploymentOutbox(this.db, ids);
  }

  trim(keep: number) {
    return trimDeploymentOutbox(this.db, keep);
  }
}
