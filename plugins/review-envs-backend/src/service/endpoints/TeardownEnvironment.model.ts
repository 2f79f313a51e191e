import { PermissionsService } from '@backstage/backend-plugin-api';
import { Caller } from '@internal/backend-plugin-utils';
import {
  ReviewEnvironment,
  reviewEnvsTeardownAnyPermission,
} from '@internal/plugin-review-envs-common';
import { isAuthor } from '../../environments/isAuthor';
import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { authorizeOrThrow } from '../authorizeOrThrow';

/** Tears an environment down, for its pull request's author and portal admins. */
export class TeardownEnvironmentModel {
  constructor(
    private readonly options: {
      permissions: PermissionsService;
      environments: Pick<ReviewEnvironments, 'get' | 'teardown'>;
    },
  ) {}

  async teardown(id: string, caller: Caller): Promise<ReviewEnvironment> {
    const { permissions, environments } = this.options;
    const environment = await environments.get(id);
    if (!isAuthor(caller.id, environment.author)) {
      await authorizeOrThrow(
        permissions,
        reviewEnvsTeardownAnyPermission,
        caller.credentials,
        `Only ${environment.author} (the pull request's author) and portal admins may tear down ${environment.id}`,
      );
    }
    return environments.teardown(id, caller.id);
  }
}
