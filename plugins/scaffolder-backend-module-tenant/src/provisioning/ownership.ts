import { lstatSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LedgerResource } from './LedgerResource';

/**
 * A ledger entry names something the driver does not make for the tenant.
 * The entry is refused, never removed: a ledger row only records what a
 * driver made, it never widens what a driver may remove.
 */
export class ForeignResourceError extends Error {
  readonly name = 'ForeignResourceError';
}

/** Throws {@link ForeignResourceError} unless the entry is one of the names the driver makes for the tenant. */
export function assertOwnedName(
  slug: string,
  resource: LedgerResource,
  ownType: string,
  ownNames: string[],
): void {
  if (resource.type !== ownType || !ownNames.includes(resource.id)) {
    throw new ForeignResourceError(
      `${resource.type} ${
        resource.id
      } is not a resource the portal makes for tenant ${slug} (its ${ownType}: ${ownNames.join(
        ', ',
      )})`,
    );
  }
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
  let real: string | undefined;
  try {
    real = realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!isThere(path)) return undefined;
  }
  const expected = join(realpathSync(root), relative(resolve(root), path));
  if (real !== expected) {
    throw new ForeignResourceError(
      `${path} resolves to ${
        real ?? 'nothing (a dangling symlink)'
      }, outside what the portal makes for tenant ${slug}`,
    );
  }
  return path;
}

/** Whether anything, a dangling symlink included, is at `path`. */
function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
