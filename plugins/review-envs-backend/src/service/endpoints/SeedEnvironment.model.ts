import { PermissionsService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Caller } from '@internal/backend-plugin-utils';
import {
  ReviewEnvironmentSeed,
  reviewEnvsSeedPermission,
} from '@internal/plugin-review-envs-common';
import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { EnvironmentSeeds } from '../../seed/EnvironmentSeeds';

/**
 * Loads a tenant's masked data into an environment, for whoever the policy
 * grants `review-envs.environment.seed` on it (the portal's: the pull
 * request's author and admins) and CI pipelines.
 */
export class SeedEnvironmentModel {
  constructor(
    private readonly options: {
      permissions: PermissionsService;
      environments: Pick<ReviewEnvironments, 'get'>;
      /** Undefined where environments have no database of their own. */
      seeds?: Pick<EnvironmentSeeds, 'seed'>;
    },
  ) {}

  async seed(
    id: string,
    tenant: string,
    caller: Caller,
  ): Promise<ReviewEnvironmentSeed> {
    const { permissions, environments, seeds } = this.options;
    const environment = await environments.get(id);
    const [decision] = await permissions.authorize(
      [{ permission: reviewEnvsSeedPermission, resourceRef: id }],
      { credentials: caller.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Only ${environment.author} (the pull request's author) and portal admins may load data into ${id}`,
      );
    }
    if (!seeds) {
      throw new InputError(
        'Review environments have no database of their own here: on ECS, set reviewEnvs.database.type to postgres',
      );
    }
    return seeds.seed(id, tenant, caller.id);
  }
}
