import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';

/**
 * Whether the user wrote the pull request. The author is a git login: its
 * person is the user of that name in the default namespace, not a namesake
 * in another namespace.
 */
export function isAuthor(userRef: string, author: string): boolean {
  const user = parseEntityRef(userRef);
  return (
    user.namespace.toLocaleLowerCase('en-US') === DEFAULT_NAMESPACE &&
    user.name.toLocaleLowerCase('en-US') === author.toLocaleLowerCase('en-US')
  );
}
