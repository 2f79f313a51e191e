import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { ReviewEnvironment } from '@internal/plugin-review-envs-common';
import {
  REVIEW_ENVIRONMENT_LOCATION,
  reviewEnvironmentEntity,
} from './reviewEnvironmentEntity';

/**
 * Keeps one catalog Resource per live review environment: every run replaces
 * the provider's whole set, so environments that are gone leave the catalog.
 */
export class ReviewEnvironmentEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly options: {
      taskRunner: SchedulerServiceTaskRunner;
      loadEnvironments: () => Promise<ReviewEnvironment[]>;
      /** The ref of the catalog Component a repository (`owner/name`) holds, if any. */
      findComponent: (repository: string) => Promise<string | undefined>;
      logger: LoggerService;
    },
  ) {}

  getProviderName(): string {
    return 'review-envs';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner.run({
      id: 'review-envs-entity-provider',
      fn: () => this.refresh(),
    });
  }

  async refresh(): Promise<void> {
    if (!this.connection)
      throw new Error('review-envs entity provider is not connected');
    const live = (await this.options.loadEnvironments()).filter(
      environment => environment.state !== 'gone',
    );
    const components = new Map<string, string | undefined>();
    for (const repository of new Set(live.map(env => env.repository))) {
      components.set(repository, await this.options.findComponent(repository));
    }
    await this.connection.applyMutation({
      type: 'full',
      entities: live.map(environment => ({
        entity: reviewEnvironmentEntity(
          environment,
          components.get(environment.repository),
        ),
        locationKey: REVIEW_ENVIRONMENT_LOCATION,
      })),
    });
    this.options.logger.debug(
      `Provided ${live.length} review environments to the catalog`,
    );
  }
}
