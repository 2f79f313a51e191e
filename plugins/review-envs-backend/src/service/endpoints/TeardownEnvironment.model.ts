import { PermissionsService } from '@backstage/backend-plugin-api';
import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';
import { Caller } from '@internal/backend-plugin-utils';
import {
  ReviewEnvironment,
  reviewEnvsTeardownAnyPermission,
} from '@internal/plugin-review-envs-common';
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

/**
 * The author is a git login: its person is the user of that name in the
 * default namespace, not a namesake in another namespace.
 */
function isAuthor(userRef: string, author: string): boolean {
  const user = parseEntityRef(userRef);
  return (
    user.namespace.toLocaleLowerCase('en-US') === DEFAULT_NAMESPACE &&
    user.name.toLocaleLowerCase('en-US') === author.toLocaleLowerCase('en-US')
  );
}
