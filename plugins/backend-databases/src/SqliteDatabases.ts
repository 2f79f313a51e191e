import { ConflictError } from '@backstage/errors';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  assertValidKey,
  DatabaseConnection,
  DatabaseNaming,
  OwnedDatabases,
} from './OwnedDatabases';
import {
  assertOwnedName,
  existingInside,
  LedgerResource,
  RecordResource,
} from './ownership';

const FILE = 'sqlite-file';

/** The embedded default: one SQLite file per owner, `<directory>/<key>.sqlite`. */
export class SqliteDatabases implements OwnedDatabases {
  readonly resourceTypes = [FILE];
  private readonly directory: string;

  constructor(directory: string, readonly naming: DatabaseNaming) {
    this.directory = resolve(directory);
  }

  describe(key: string): string[] {
    return [`create ${this.path(key)} and load the seed SQL into it`];
  }

  async create(
    key: string,
    seedSql: string,
    record: RecordResource,
  ): Promise<DatabaseConnection> {
    const filename = this.path(key);
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

  async remove(key: string, resource: LedgerResource): Promise<void> {
    const filename = this.path(key);
    const owner = `${this.naming.owner} ${key}`;
    assertOwnedName(owner, { ...resource, id: resolve(resource.id) }, FILE, [
      filename,
    ]);
    // The database and SQLite's side files, each by its real path.
    for (const suffix of ['-journal', '-wal', '-shm', '']) {
      const path = existingInside(
        owner,
        `${filename}${suffix}`,
        this.directory,
      );
      if (path) rmSync(path, { force: true });
    }
  }

  private path(key: string) {
    assertValidKey(this.naming, key);
    return join(this.directory, `${key}.sqlite`);
  }
}
