import { ConflictError } from '@backstage/errors';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LedgerResource, RecordResource } from '../LedgerResource';
import { assertValidSlug } from '../assertValidSlug';
import { ownedPath } from '../ownership';
import { TenantStorage } from './TenantStorage';

const FOLDER = 'local-folder';

/** The embedded default: a folder per tenant under `root`. */
export class LocalTenantStorage implements TenantStorage {
  readonly resourceTypes = [FOLDER];
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  describe(slug: string): string[] {
    return [`create ${this.folder(slug)} and copy the initial assets into it`];
  }

  async create(
    slug: string,
    assetsDir: string,
    record: RecordResource,
  ): Promise<string> {
    const folder = this.folder(slug);
    if (existsSync(folder)) {
      throw new ConflictError(
        `${folder} already exists; the portal does not touch what it did not make`,
      );
    }
    mkdirSync(this.root, { recursive: true });
    await record({ type: FOLDER, id: folder });
    cpSync(assetsDir, folder, { recursive: true, errorOnExist: true });
    return folder;
  }

  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const folder = ownedPath(slug, resource, FOLDER, this.root, [
      this.folder(slug),
    ]);
    // rm unlinks symlinks inside the folder; it never follows them.
    if (folder) rmSync(folder, { recursive: true, force: true });
  }

  private folder(slug: string) {
    assertValidSlug(slug);
    return join(this.root, slug);
  }
}
