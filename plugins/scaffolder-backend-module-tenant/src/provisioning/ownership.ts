import {
  assertOwnedName as assertOwned,
  existingInside as existingInsideFor,
  ForeignResourceError,
  LedgerResource,
} from '@internal/backend-databases';
import { resolve } from 'node:path';

export { ForeignResourceError };

/** Throws {@link ForeignResourceError} unless the entry is one of the names the driver makes for the tenant. */
export function assertOwnedName(
  slug: string,
  resource: LedgerResource,
  ownType: string,
  ownNames: string[],
): void {
  assertOwned(`tenant ${slug}`, resource, ownType, ownNames);
}

/**
 * The path a file entry names, when it is one of `ownPaths` (what the driver
 * makes for the tenant under `root`) both as written and once every symlink
 * is followed: `..`, another tenant's path and a symlink out of the tenant's
 * own folder are all refused. Undefined when nothing is there any more.
 */
export function ownedPath(
  slug: string,
  resource: LedgerResource,
  ownType: string,
  root: string,
  ownPaths: string[],
): string | undefined {
  const path = resolve(resource.id);
  assertOwnedName(slug, { ...resource, id: path }, ownType, ownPaths);
  return existingInside(slug, path, root);
}

/**
 * `path` (absolute, under `root`) when something is there and its real path
 * is the same place under `root`'s real path; undefined when nothing is
 * there. A symlink anywhere on the way, a dangling one included, is refused.
 */
export function existingInside(
  slug: string,
  path: string,
  root: string,
): string | undefined {
  return existingInsideFor(`tenant ${slug}`, path, root);
}
