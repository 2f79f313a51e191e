import { createMockDirectory } from '@backstage/backend-test-utils';
import { describeOnPostgres } from '@internal/backend-plugin-utils';
import Database from 'better-sqlite3';
import { Knex, knex as createKnex } from 'knex';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import {
  databaseUrl,
  DatabaseNaming,
  parseDatabaseUrl,
  prefixedPostgresName,
} from './OwnedDatabases';
import { ForeignResourceError, LedgerResource } from './ownership';
import { PostgresDatabases } from './PostgresDatabases';
import { SqliteDatabases } from './SqliteDatabases';

/** As tenant-scaffolder names its tenants' databases. */
const naming: DatabaseNaming = {
  owner: 'tenant',
  postgresName: key => prefixedPostgresName('tenant_', key),
};

class SqliteTenantDatabases extends SqliteDatabases {
  constructor(directory: string) {
    super(directory, naming);
  }
}

class PostgresTenantDatabases extends PostgresDatabases {
  constructor(admin: Knex, server: { host: string; port: number }) {
    super(admin, server, naming);
  }
}

const SEED = `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO settings (key, value) VALUES ('theme', 'light');
`;

describe('prefixedPostgresName', () => {
  it('is the prefix and the key, dashes as underscores', () => {
    expect(prefixedPostgresName('tenant_', 'acme-eu')).toBe('tenant_acme_eu');
    const longest = 'x'.repeat(55);
    expect(prefixedPostgresName('review_', longest)).toBe(`review_${longest}`);
  });

  it('shortens a name past 62 characters to exactly 63, ending in a hash of the whole key', () => {
    const a = `${'a'.repeat(55)}-pr-1`;
    const b = `${'a'.repeat(55)}-pr-2`;
    const name = prefixedPostgresName('review_', a);
    expect(name).toHaveLength(63);
    expect(name.startsWith(`review_${'a'.repeat(43)}`)).toBe(true);
    expect(prefixedPostgresName('review_', b)).not.toBe(name);
    expect(prefixedPostgresName('review_', a)).toBe(name);
    // No unshortened name is 63 long, so none is a shortened one.
    expect(prefixedPostgresName('review_', 'x'.repeat(55))).toHaveLength(62);
  });
});

describe('databaseUrl', () => {
  it('is a file: URL for SQLite and a postgresql: URL with the credentials encoded', () => {
    expect(
      databaseUrl({ client: 'better-sqlite3', filename: '/data/a.sqlite' }),
    ).toBe('file:/data/a.sqlite');
    expect(
      databaseUrl({
        client: 'pg',
        host: 'db.internal',
        port: 5433,
        database: 'review_a',
        user: 'review_a',
        password: 'p@ss/word:1',
      }),
    ).toBe('postgresql://review_a:p%40ss%2Fword%3A1@db.internal:5433/review_a');
  });
});

describe('SqliteDatabases', () => {
  const directory = createMockDirectory();
  afterEach(() => directory.clear());

  it('creates a seeded file, records it first, and removes it', async () => {
    const databases = new SqliteTenantDatabases(directory.path);
    const ledger: LedgerResource[] = [];

    const connection = await databases.create('acme', SEED, async r => {
      ledger.push(r);
    });

    expect(connection).toEqual({
      client: 'better-sqlite3',
      filename: `${directory.path}/acme.sqlite`,
    });
    const db = new Database(`${directory.path}/acme.sqlite`);
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({
      value: 'light',
    });
    db.close();
    expect(ledger).toEqual([
      { type: 'sqlite-file', id: `${directory.path}/acme.sqlite` },
    ]);

    await databases.remove('acme', ledger[0]);
    await databases.remove('acme', ledger[0]);
    expect(existsSync(`${directory.path}/acme.sqlite`)).toBe(false);
  });

  it('never touches a file it did not make, nor one outside its directory', async () => {
    const databases = new SqliteTenantDatabases(directory.path);
    directory.setContent({ 'acme.sqlite': 'precious' });

    await expect(
      databases.create('acme', SEED, async () => {}),
    ).rejects.toThrow(/already exists/);
    await expect(
      databases.remove('acme', { type: 'sqlite-file', id: '/etc/passwd' }),
    ).rejects.toThrow(ForeignResourceError);
    await expect(
      databases.create('../etc', SEED, async () => {}),
    ).rejects.toThrow(/DNS label/);
    expect(directory.content()).toEqual({ 'acme.sqlite': 'precious' });
  });

  it("refuses, for one tenant, another tenant's file, a '..' path and a symlink out of its own name", async () => {
    directory.setContent({
      databases: { 'victim.sqlite': 'victim', 'victim.sqlite-wal': 'wal' },
      'canary.txt': 'canary',
    });
    const root = `${directory.path}/databases`;
    const databases = new SqliteTenantDatabases(root);
    symlinkSync(`${root}/victim.sqlite`, `${root}/evil.sqlite`);
    symlinkSync(`${root}/victim.sqlite-wal`, `${root}/evil.sqlite-wal`);

    for (const id of [
      `${root}/victim.sqlite`,
      `${root}/../canary.txt`,
      `${root}/evil.sqlite/../victim.sqlite`,
      `${root}/evil.sqlite`,
    ]) {
      await expect(
        databases.remove('evil', { type: 'sqlite-file', id }),
      ).rejects.toThrow(ForeignResourceError);
    }

    expect(readFileSync(`${root}/victim.sqlite`, 'utf8')).toBe('victim');
    expect(readFileSync(`${root}/victim.sqlite-wal`, 'utf8')).toBe('wal');
    expect(readFileSync(`${directory.path}/canary.txt`, 'utf8')).toBe('canary');
  });
});

describeOnPostgres('PostgresDatabases (real PostgreSQL)', postgresUrl => {
  let admin: Knex;
  const slug = `test-${process.pid}-${Date.now().toString(36)}`;
  const name = `tenant_${slug.replace(/-/g, '_')}`;
  const ledger: LedgerResource[] = [];

  beforeAll(() => {
    admin = createKnex({ client: 'pg', connection: postgresUrl });
  });

  afterAll(async () => {
    const databases = new PostgresTenantDatabases(admin, serverOf(postgresUrl));
    for (const resource of [...ledger].reverse()) {
      await databases.remove(slug, resource);
    }
    await admin.destroy();
  });

  it('creates a role and a database only that role can use, seeded as that role, and removes both', async () => {
    const databases = new PostgresTenantDatabases(admin, serverOf(postgresUrl));

    const connection = await databases.create(slug, SEED, async r => {
      ledger.push(r);
    });

    expect(ledger).toEqual([
      { type: 'postgres-role', id: name },
      { type: 'postgres-database', id: name },
    ]);
    expect(connection).toMatchObject({ database: name, user: name });
    const tenant = createKnex({ client: 'pg', connection });
    try {
      const { rows } = await tenant.raw(
        'SELECT value, pg_catalog.pg_get_userbyid(c.relowner) AS owner FROM settings, pg_class c WHERE c.relname = ?',
        ['settings'],
      );
      expect(rows).toEqual([{ value: 'light', owner: name }]);
    } finally {
      await tenant.destroy();
    }

    await expect(databases.create(slug, SEED, async () => {})).rejects.toThrow(
      /already exists/,
    );

    for (const resource of [...ledger].reverse()) {
      await databases.remove(slug, resource);
    }
    const { rows: left } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname = ? UNION ALL SELECT rolname FROM pg_roles WHERE rolname = ?',
      [name, name],
    );
    expect(left).toEqual([]);
  });

  it("refuses to drop another tenant's or the portal's database and role", async () => {
    const databases = new PostgresTenantDatabases(admin, serverOf(postgresUrl));
    const victim = `${slug}-v`;
    const victimName = `tenant_${victim.replace(/-/g, '_')}`;
    const victimLedger: LedgerResource[] = [];
    await databases.create(victim, SEED, async r => {
      victimLedger.push(r);
    });
    try {
      const { rows: current } = await admin.raw(
        'SELECT current_database() AS name',
      );
      for (const id of [victimName, current[0].name, 'postgres']) {
        for (const type of ['postgres-database', 'postgres-role']) {
          await expect(
            databases.remove(`${slug}-e`, { type, id }),
          ).rejects.toThrow(ForeignResourceError);
        }
      }
      const { rows } = await admin.raw(
        'SELECT datname FROM pg_database WHERE datname = ? UNION ALL SELECT rolname FROM pg_roles WHERE rolname = ?',
        [victimName, victimName],
      );
      expect(rows).toHaveLength(2);
    } finally {
      for (const resource of [...victimLedger].reverse()) {
        await databases.remove(victim, resource);
      }
    }
  });

  it('refuses a role that exists already, creating nothing', async () => {
    const other = `${slug}-x`;
    const otherName = `tenant_${other.replace(/-/g, '_')}`;
    await admin.raw(`CREATE ROLE "${otherName}"`);
    try {
      const databases = new PostgresTenantDatabases(
        admin,
        serverOf(postgresUrl),
      );
      const recorded: LedgerResource[] = [];
      await expect(
        databases.create(other, SEED, async r => {
          recorded.push(r);
        }),
      ).rejects.toThrow(/role tenant_.* already exists/);
      expect(recorded).toEqual([]);
      const { rows } = await admin.raw(
        'SELECT 1 FROM pg_database WHERE datname = ?',
        [otherName],
      );
      expect(rows).toEqual([]);
    } finally {
      await admin.raw(`DROP ROLE IF EXISTS "${otherName}"`);
    }
  });
});

function serverOf(url: string) {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 5432) };
}

/** As review environments name theirs, with a replacement database. */
const replaced: DatabaseNaming = {
  owner: 'review environment',
  postgresName: key => prefixedPostgresName('review_', key),
  postgresReplacementName: key => prefixedPostgresName('review__', key),
};

describe('parseDatabaseUrl', () => {
  it('gives back the connection databaseUrl was made from', () => {
    for (const connection of [
      { client: 'better-sqlite3' as const, filename: '/data/a b.sqlite' },
      {
        client: 'pg' as const,
        host: 'db.internal',
        port: 5433,
        database: 'review_a',
        user: 'review_a',
        password: 'p@ss/word:1',
      },
    ]) {
      expect(parseDatabaseUrl(databaseUrl(connection))).toEqual(connection);
    }
    expect(() => parseDatabaseUrl('mysql://x@y/z')).toThrow(
      'not a database URL',
    );
  });
});

describe('SqliteDatabases: reading and replacing', () => {
  const directory = createMockDirectory();
  afterEach(() => directory.clear());

  const rows = (filename: string) => {
    const db = new Database(filename, { readonly: true });
    try {
      return db.prepare('SELECT value FROM settings').all();
    } finally {
      db.close();
    }
  };

  it('opens an existing database read-only, and none that is not there', async () => {
    const databases = new SqliteDatabases(directory.path, replaced);
    expect(await databases.openExisting('web-pr-1')).toBeUndefined();
    await databases.create('web-pr-1', SEED, async () => {});

    const db = (await databases.openExisting('web-pr-1'))!;
    try {
      expect(await db('settings').select('value')).toEqual([
        { value: 'light' },
      ]);
      // The connection itself: opened read-only, query_only, a write refused.
      // Not a write through knex: in a Jest worker where another test file
      // loaded better-sqlite3 first, such a write resolves instead of failing
      // (a Jest artifact, seen by running that file before this one).
      const raw = await db.client.acquireConnection();
      try {
        expect(raw.readonly).toBe(true);
        expect(raw.pragma('query_only', { simple: true })).toBe(1);
        expect(() =>
          raw
            .prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')")
            .run(),
        ).toThrow(/readonly/);
      } finally {
        await db.client.releaseConnection(raw);
      }
    } finally {
      await db.destroy();
    }
  });

  it('fills a replacement beside the database and puts it in its place whole; a discarded one leaves it as it was', async () => {
    const databases = new SqliteDatabases(directory.path, replaced);
    const ledger: LedgerResource[] = [];
    const record = async (r: LedgerResource) => {
      ledger.push(r);
    };
    const live = await databases.create('web-pr-1', SEED, record);
    const liveFile = live as { filename: string };

    const next = (await databases.createReplacement(
      'web-pr-1',
      live,
      record,
    )) as { filename: string };
    expect(next.filename).toBe(`${directory.path}/web-pr-1.next.sqlite`);
    const fill = new Database(next.filename);
    fill.exec(`${SEED} UPDATE settings SET value = 'dark';`);
    fill.close();
    await databases.discardReplacement('web-pr-1');
    expect(existsSync(next.filename)).toBe(false);
    expect(rows(liveFile.filename)).toEqual([{ value: 'light' }]);

    await databases.createReplacement('web-pr-1', live, record);
    const again = new Database(next.filename);
    again.exec(`${SEED} UPDATE settings SET value = 'dark';`);
    again.close();
    await databases.replace('web-pr-1');
    expect(rows(liveFile.filename)).toEqual([{ value: 'dark' }]);
    expect(existsSync(next.filename)).toBe(false);

    for (const resource of ledger) await databases.remove('web-pr-1', resource);
    expect(directory.content()).toEqual({});
  });

  it("refuses to replace without a replacement, and to remove another key's replacement", async () => {
    const databases = new SqliteDatabases(directory.path, replaced);
    const live = await databases.create('web-pr-1', SEED, async () => {});
    await expect(databases.replace('web-pr-1')).rejects.toThrow(
      'review environment web-pr-1 has no replacement database',
    );
    await databases.createReplacement('web-pr-2', live, async () => {});
    await expect(
      databases.remove('web-pr-1', {
        type: 'sqlite-file',
        id: `${directory.path}/web-pr-2.next.sqlite`,
      }),
    ).rejects.toThrow(ForeignResourceError);
    expect(existsSync(`${directory.path}/web-pr-2.next.sqlite`)).toBe(true);
  });
});

describeOnPostgres(
  'PostgresDatabases: reading and replacing (real PostgreSQL)',
  postgresUrl => {
    let admin: Knex;
    const key = `t-${process.pid}-${Date.now().toString(36)}`;
    const name = `review_${key.replace(/-/g, '_')}`;
    const ledger: LedgerResource[] = [];
    const record = async (r: LedgerResource) => {
      ledger.push(r);
    };
    let databases: PostgresDatabases;

    beforeAll(() => {
      admin = createKnex({ client: 'pg', connection: postgresUrl });
      databases = new PostgresDatabases(admin, serverOf(postgresUrl), replaced);
    });
    afterAll(async () => {
      for (const resource of [...ledger].reverse()) {
        await databases.remove(key, resource);
      }
      await admin.destroy();
    });

    const valueIn = async (connection: object) => {
      const db = createKnex({ client: 'pg', connection });
      try {
        return (await db('settings').select('value')).map(r => r.value);
      } finally {
        await db.destroy();
      }
    };

    it('reads as the admin, fills the replacement as the role, and puts it in the place of the database under the same name', async () => {
      expect(await databases.openExisting(key)).toBeUndefined();
      const live = await databases.create(key, SEED, record);
      const reader = (await databases.openExisting(key))!;
      try {
        expect(await reader('settings').select('value')).toEqual([
          { value: 'light' },
        ]);
      } finally {
        await reader.destroy();
      }

      const next = await databases.createReplacement(key, live, record);
      expect(next).toMatchObject({
        database: `review__${key.replace(/-/g, '_')}`,
        user: name,
      });
      const fill = createKnex({ client: 'pg', connection: next });
      try {
        await fill.raw(SEED);
        await fill('settings').update({ value: 'dark' });
      } finally {
        await fill.destroy();
      }
      // An application connected to the old database is let go.
      const app = createKnex({
        client: 'pg',
        connection: live,
        pool: { min: 1, max: 1 },
      });
      await app.raw('SELECT 1');
      await databases.replace(key);
      await app.destroy();

      expect(await valueIn(live)).toEqual(['dark']);
      const { rows } = await admin.raw(
        'SELECT pg_catalog.pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = ?',
        [name],
      );
      expect(rows).toEqual([{ owner: name }]);
      expect(ledger.map(r => r.id)).toEqual([
        name,
        name,
        `review__${key.replace(/-/g, '_')}`,
      ]);
    });

    it("refuses a replacement filled as anyone but the database's role, and removing another key's replacement", async () => {
      await expect(
        databases.createReplacement(
          key,
          {
            client: 'pg',
            host: 'h',
            port: 1,
            database: 'postgres',
            user: 'postgres',
            password: '',
          },
          record,
        ),
      ).rejects.toThrow('filled by its own role, not postgres');
      await expect(
        databases.remove(key, {
          type: 'postgres-database',
          id: 'review__other',
        }),
      ).rejects.toThrow(ForeignResourceError);
    });
  },
);
