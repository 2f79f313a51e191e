import { ConflictError } from '@backstage/errors';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LedgerResource, RecordResource } from '../LedgerResource';
import { assertValidSlug } from '../assertValidSlug';
import { assertOwnedName, existingInside } from '../ownership';
import { TenantDatabaseConnection, TenantDatabases } from './TenantDatabases';

const FILE = 'sqlite-file';

/** The embedded default: one SQLite file per tenant, `<directory>/<slug>.sqlite`. */
export class SqliteTenantDatabases implements TenantDatabases {
  readonly resourceTypes = [FILE];
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  describe(slug: string): string[] {
    return [`create ${this.path(slug)} and load the seed SQL into it`];
  }

  async create(
    slug: string,
    seedSql: string,
    record: RecordResource,
  ): Promise<TenantDatabaseConnection> {
    const filename = this.path(slug);
    if (existsSync(filename)) {
      throw new ConflictError(
        `${filename} already exists; the portal does not touch what it did not make`,
      );
    }
    mkdirSync(this.directory, { recursive: true });
    await record({ type: FILE, id: filename });
    const database = new Database(filename, { fileMustExist: false });
    try {
      database.exec(seedSql);
    } finally {
      database.close();
    }
    return { client: 'better-sqlite3', filename };
  }

  async remove(slug: string, resource: LedgerResource): Promise<void> {
    const filename = this.path(slug);
    assertOwnedName(slug, { ...resource, id: resolve(resource.id) }, FILE, [
      filename,
    ]);
    // The database and SQLite's side files, each by its real path.
    for (const suffix of ['-journal', '-wal', '-shm', '']) {
      const path = existingInside(slug, `${filename}${suffix}`, this.directory);
      if (path) rmSync(path, { force: true });
    }
  }

  private path(slug: string) {
    assertValidSlug(slug);
    return join(this.directory, `${slug}.sqlite`);
  }
}
