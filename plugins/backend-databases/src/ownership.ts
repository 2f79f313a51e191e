import { lstatSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * A resource the portal made for an owner (a tenant, a review environment),
 * as the owner's ledger records it. Undo, delete and teardown remove exactly
 * the resources recorded, nothing else.
 */
export type LedgerResource = {
  /** `postgres-role`, `postgres-database`, `sqlite-file`, `dns-record`, ... */
  type: string;
  /** What names it uniquely within its type: a database name, a path, a record id. */
  id: string;
  details?: Record<string, string>;
};

/**
 * Records a resource in the owner's ledger. Drivers record a resource before
 * they create it, so a crash in between leaves an entry whose removal finds
 * nothing to remove, never an unrecorded resource.
 */
export type RecordResource = (resource: LedgerResource) => Promise<void>;

/**
 * A ledger entry names something the driver does not make for the owner.
 * The entry is refused, never removed: a ledger row only records what a
 * driver made, it never widens what a driver may remove.
 */
export class ForeignResourceError extends Error {
  readonly name = 'ForeignResourceError';
}

/**
 * Throws {@link ForeignResourceError} unless the entry is one of the names
 * the driver makes for `owner` (e.g. `tenant acme`).
 */
export function assertOwnedName(
  owner: string,
  resource: LedgerResource,
  ownType: string,
  ownNames: string[],
): void {
  if (resource.type !== ownType || !ownNames.includes(resource.id)) {
    throw new ForeignResourceError(
      `${resource.type} ${
        resource.id
      } is not a resource the portal makes for ${owner} (its ${ownType}: ${ownNames.join(
        ', ',
      )})`,
    );
  }
}

/**
 * `path` (absolute, under `root`) when something is there and its real path
 * is the same place under `root`'s real path; undefined when nothing is
 * there. A symlink anywhere on the way, a dangling one included, is refused
 * as not `owner`'s.
 */
export function existingInside(
  owner: string,
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
      }, outside what the portal makes for ${owner}`,
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
