import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FieldProblem,
  NewTenantInput,
} from '@internal/plugin-tenant-scaffolder-common';

/** The body of `POST /tenants`: the wizard's answers, the owning group and the version to run. */
export type RegistrationInput = NewTenantInput & {
  owner: string;
  version?: string;
  /** The scaffolder task registering it. */
  provisioningTask?: string;
  /** The person who ran the template, whom the module vouches for: the history names them. */
  requestedBy?: string;
};

const TASK_ID = /^[A-Za-z0-9-]{1,64}$/;

const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$/;

/** Checks what a registration needs besides a new tenant's own fields. */
export function registrationProblems(input: unknown): FieldProblem[] {
  if (typeof input !== 'object' || input === null) return [];
  const { owner, version, provisioningTask, requestedBy } = input as Record<
    string,
    unknown
  >;
  const problems: FieldProblem[] = [];
  if (owner === undefined) {
    problems.push({ field: 'owner', message: 'is required' });
  } else if (typeof owner !== 'string' || ownerRef(owner) === undefined) {
    problems.push({
      field: 'owner',
      message: "must be a group's entity ref such as group:default/team-a",
    });
  }
  if (
    version !== undefined &&
    (typeof version !== 'string' || !VERSION.test(version))
  ) {
    problems.push({
      field: 'version',
      message: 'must be a version such as 1.4.2',
    });
  }
  if (
    provisioningTask !== undefined &&
    (typeof provisioningTask !== 'string' || !TASK_ID.test(provisioningTask))
  ) {
    problems.push({
      field: 'provisioningTask',
      message: "must be a scaffolder task's id",
    });
  }
  if (
    requestedBy !== undefined &&
    (typeof requestedBy !== 'string' || !isUserRef(requestedBy))
  ) {
    problems.push({
      field: 'requestedBy',
      message: "must be a user's entity ref such as user:default/ada",
    });
  }
  return problems;
}

function isUserRef(ref: string): boolean {
  try {
    return parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'user';
  } catch {
    return false;
  }
}

/** `team-a` and `group:team-a` become `group:default/team-a`; anything but a group is undefined. */
export function ownerRef(owner: string): string | undefined {
  try {
    const ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return ref.kind.toLocaleLowerCase('en-US') === 'group'
      ? stringifyEntityRef(ref)
      : undefined;
  } catch {
    return undefined;
  }
}
