import { ConflictError } from '@backstage/errors';
import Database from 'better-sqlite3';
import { Knex, knex as createKnex } from 'knex';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
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
const SIDE_FILES = ['-journal', '-wal', '-shm'];

/**
 * The embedded default: one SQLite file per owner, `<directory>/<key>.sqlite`,
 * and `<key>.next.sqlite` while a replacement is filled (keys have no dots,
 * so neither is another key's name).
 */
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
    const live = this.path(key);
    assertOwnedName(
      this.owner(key),
      { ...resource, id: resolve(resource.id) },
      FILE,
      [live, this.nextPath(key)],
    );
    this.removeFile(key, resolve(resource.id));
  }

  async openExisting(key: string): Promise<Knex | undefined> {
    const filename = existingInside(
      this.owner(key),
      this.path(key),
      this.directory,
    );
    if (!filename) return undefined;
    return createKnex({
      client: 'better-sqlite3',
      connection: { filename, options: { readonly: true } },
      // query_only as well as the read-only open: a write through this
      // connection fails whatever mode the file itself was opened in.
      pool: {
        afterCreate: (
          connection: { pragma(sql: string): unknown },
          done: (error: Error | null, connection: unknown) => void,
        ) => {
          connection.pragma('query_only = ON');
          done(null, connection);
        },
      },
      useNullAsDefault: true,
    });
  }

  async createReplacement(
    key: string,
    _owner: DatabaseConnection,
    record: RecordResource,
  ): Promise<DatabaseConnection> {
    await this.discardReplacement(key);
    const filename = this.nextPath(key);
    mkdirSync(this.directory, { recursive: true });
    await record({ type: FILE, id: filename });
    new Database(filename, { fileMustExist: false }).close();
    return { client: 'better-sqlite3', filename };
  }

  async replace(key: string): Promise<void> {
    const live = this.path(key);
    const next = existingInside(
      this.owner(key),
      this.nextPath(key),
      this.directory,
    );
    if (!next) {
      throw new Error(`${this.owner(key)} has no replacement database`);
    }
    // The old file's journal or WAL must not meet the new file.
    for (const suffix of SIDE_FILES) {
      const path = existingInside(
        this.owner(key),
        `${live}${suffix}`,
        this.directory,
      );
      if (path) rmSync(path, { force: true });
    }
    // One rename: whoever opens the file finds the old or the new, whole.
    renameSync(next, live);
  }

  async discardReplacement(key: string): Promise<void> {
    this.removeFile(key, this.nextPath(key));
  }

  /** The file and SQLite's side files, each by its real path. */
  private removeFile(key: string, filename: string) {
    for (const suffix of [...SIDE_FILES, '']) {
      const path = existingInside(
        this.owner(key),
        `${filename}${suffix}`,
        this.directory,
      );
      if (path) rmSync(path, { force: true });
    }
  }

  private owner(key: string) {
    return `${this.naming.owner} ${key}`;
  }

  private path(key: string) {
    assertValidKey(this.naming, key);
    return join(this.directory, `${key}.sqlite`);
  }

  private nextPath(key: string) {
    assertValidKey(this.naming, key);
    return join(this.directory, `${key}.next.sqlite`);
  }
}
