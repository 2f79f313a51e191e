import { InputError } from '@backstage/errors';

const ENVIRONMENT_ID = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Environment ids name processes, folders and cloud resources: keep them DNS-label shaped. */
export function assertEnvironmentId(environmentId: string) {
  if (!ENVIRONMENT_ID.test(environmentId)) {
    throw new InputError(
      `'${environmentId}' is not a valid environment id: lower-case letters, digits and dashes, at most 63`,
    );
  }
}
