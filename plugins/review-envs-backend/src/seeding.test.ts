import { describeOnPostgres } from '@internal/backend-plugin-utils';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  TestRepository,
  stopLocalEnvironments,
} from '@internal/backend-deploy-targets/testUtils';
import { ConfigReader } from '@backstage/config';
import Database from 'better-sqlite3';
import { knex as createKnex } from 'knex';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { reviewEnvsPlugin } from './plugin';
import { findUnmaskedValues } from './seed/findUnmaskedValues';
import { Maskers } from './seed/maskers';
import { readMaskingPolicy } from './seed/maskingPolicy';
import {
  TENANT_POLICY,
  TENANT_SCHEMA,
  tenantRows,
  tenantSql,
} from './seed/__testUtils__/tenantData';
import { postgresDatabaseConfig } from './__testUtils__/postgresDatabaseConfig';

jest.setTimeout(60_000);

const SECRET = 'a-secret-for-the-seed-tests';
const ADA = mockCredentials.user.header('user:default/ada');
const CI = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('external:ci'),
  targetPluginId: 'review-envs',
});
const ENV = 'acme-web-pr-42';

/** An app that answers the customers of its DATABASE_URL (Node's own SQLite). */
const APP = `
const http = require('http');
const { DatabaseSync } = require('node:sqlite');
http.createServer((req, res) => {
  const db = new DatabaseSync(process.env.DATABASE_URL.slice(5), { readOnly: true });
  const rows = db.prepare('SELECT name FROM customers ORDER BY id').all();
  db.close();
  res.end(JSON.stringify(rows.map(r => r.name)));
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

describe('loading a tenant’s masked data into a review environment (SQLite)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const directory = createMockDirectory();
  afterEach(() => {
    // The environments each test deployed and did not tear down.
    stopLocalEnvironments(join(directory.path, 'work'));
    directory.clear();
  });

  async function startPortal(
    options: {
      envSchema?: string;
      decision?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      customers?: number;
      labels?: string[];
      noSecret?: boolean;
    } = {},
  ) {
    const envSchema = options.envSchema ?? TENANT_SCHEMA;
    directory.setContent({ 'env-schema.sql': envSchema });
    const tenantsDir = join(directory.path, 'tenants');
    const tenantFile = join(tenantsDir, 'databases', 'acme.sqlite');
    directory.addContent({ 'tenants/databases/keep.txt': '' });
    const tenant = new Database(tenantFile);
    tenant.exec(tenantSql(options.customers ?? 20));
    tenant.close();

    const repository = new TestRepository(join(directory.path, 'repo'));
    const head = repository.commit('main', { 'server.js': APP });
    const workDir = join(directory.path, 'work');
    const scheduler = mockServices.scheduler.mock();
    scheduler.triggerTask.mockResolvedValue();
    const { server } = await startTestBackend({
      features: [
        reviewEnvsPlugin,
        scheduler.factory,
        mockServices.permissions.factory({
          result: options.decision ?? AuthorizeResult.ALLOW,
        }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: {
            tenantScaffolder: { dataDir: tenantsDir },
            reviewEnvs: {
              local: {
                workDir,
                command: `"${process.execPath}" server.js`,
                healthPath: '/',
                healthTimeoutSeconds: 20,
                repositories: [{ name: 'acme/web', path: repository.path }],
              },
              database: { seedSqlFile: join(directory.path, 'env-schema.sql') },
              seed: {
                ...(options.noSecret ? {} : { secret: SECRET }),
                tables: TENANT_POLICY,
              },
            },
          },
        }),
      ],
    });
    const work = async () => {
      const task = scheduler.scheduleTask.mock.calls.find(
        ([t]) => t.id === 'review-envs-work',
      )![0];
      await task.fn(new AbortController().signal);
    };
    const report = (changes: object = {}) =>
      request(server)
        .post('/api/review-envs/pull-requests')
        .set('Authorization', CI)
        .send({
          repository: 'acme/web',
          number: 42,
          title: 'Invoice export',
          branch: 'feature/export',
          headSha: head,
          author: 'ada',
          open: true,
          labels: options.labels ?? ['review'],
          ...changes,
        });
    await report();
    await work();
    const seed = (slug: string, authorization = ADA) =>
      request(server)
        .post(`/api/review-envs/environments/${ENV}/seed`)
        .set('Authorization', authorization)
        .send({ tenant: slug });
    const envFile = join(workDir, 'databases', `${ENV}.sqlite`);
    const customers = () => {
      const db = new Database(envFile, { readonly: true });
      try {
        return db.prepare('SELECT * FROM customers ORDER BY id').all() as Array<
          Record<string, unknown>
        >;
      } finally {
        db.close();
      }
    };
    const get = async (path: string) =>
      (
        await request(server)
          .get(`/api/review-envs/environments/${ENV}${path}`)
          .set('Authorization', ADA)
      ).body;
    return {
      server,
      work,
      seed,
      envFile,
      tenantFile,
      customers,
      get,
      workDir,
      report,
      repository,
    };
  }

  it('copies the tenant masked, shows it in the running app at once, records who, which tenant, policy and rows, and leaves no masked value behind', async () => {
    const { seed, envFile, tenantFile, customers, get } = await startPortal();
    expect(customers()).toEqual([]);

    const seeded = await seed('acme');
    expect(seeded.status).toBe(201);
    const policy = readMaskingPolicy(
      new ConfigReader({ secret: SECRET, tables: TENANT_POLICY }),
    )!;
    expect(seeded.body).toMatchObject({
      environmentId: ENV,
      tenant: 'acme',
      actor: 'user:default/ada',
      policyRevision: policy.revision,
      state: 'succeeded',
      rows: 140,
      rowsCopied: 140,
      error: null,
    });

    // The app running since before the seed reads the new data.
    const environment = await get('');
    const names = await (await fetch(environment.url)).json();
    expect(names).toHaveLength(20);
    expect(names.join()).not.toContain('Realname');

    const source = createKnex({
      client: 'better-sqlite3',
      connection: { filename: tenantFile, options: { readonly: true } },
      useNullAsDefault: true,
    });
    const target = createKnex({
      client: 'better-sqlite3',
      connection: { filename: envFile, options: { readonly: true } },
      useNullAsDefault: true,
    });
    try {
      expect(await findUnmaskedValues({ source, target, policy })).toEqual({
        found: 0,
        where: [],
      });
    } finally {
      await source.destroy();
      await target.destroy();
    }

    expect((await get('/seeds')).items).toEqual([seeded.body]);
    expect((await get('/history')).items[0]).toMatchObject({
      actor: 'user:default/ada',
      reason: `seeded from tenant acme: 140 rows, masking policy ${policy.revision}`,
    });
  });

  it('refuses a tenant database with a column the policy does not cover, naming it, and keeps the data the environment had', async () => {
    const { seed, tenantFile, customers, get, workDir } = await startPortal();
    expect((await seed('acme')).status).toBe(201);
    const before = customers();
    const tenant = new Database(tenantFile);
    tenant.exec('ALTER TABLE customers ADD COLUMN date_of_birth TEXT');
    tenant.close();

    const refused = await seed('acme');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(
      'column customers.date_of_birth has no masking rule in the policy',
    );
    expect(customers()).toEqual(before);
    expect(readdirSync(join(workDir, 'databases'))).toEqual([`${ENV}.sqlite`]);
    expect((await get('/seeds')).items.map((s: any) => s.state)).toEqual([
      'failed',
      'succeeded',
    ]);
  });

  it('leaves the environment on its previous data when a seed fails half-way, with no half copy left', async () => {
    // The environment's schema takes orders below 50.00 only: the first
    // four customers' orders pass; with more, customers are copied, then
    // the orders fail part of the way through.
    const { seed, customers, get, workDir, tenantFile } = await startPortal({
      customers: 4,
      envSchema: TENANT_SCHEMA.replace(
        'total_cents INTEGER NOT NULL',
        'total_cents INTEGER NOT NULL CHECK (total_cents < 5000)',
      ),
    });
    expect((await seed('acme')).body).toMatchObject({ rows: 4 + 12 + 12 });
    const before = customers();
    expect(before).toHaveLength(4);
    const tenant = new Database(tenantFile);
    const more = tenantRows(20);
    for (const [table, rows] of Object.entries(more)) {
      for (const row of rows.slice(table === 'customers' ? 4 : 12)) {
        const columns = Object.keys(row);
        tenant
          .prepare(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns
              .map(c => `@${c}`)
              .join(', ')})`,
          )
          .run(row);
      }
    }
    tenant.close();

    const refused = await seed('acme');
    expect(refused.status).toBe(500);
    expect(customers()).toEqual(before);
    expect(readdirSync(join(workDir, 'databases'))).toEqual([`${ENV}.sqlite`]);
    const [failed] = (await get('/seeds')).items;
    expect(failed).toMatchObject({ state: 'failed', tenant: 'acme' });
    expect(failed.error).toBe(
      'copying failed: CHECK constraint failed: total_cents < 5000',
    );
    expect(refused.body.error.message).toBe(failed.error);
    expect((await get('/history')).items[0].reason).toMatch(
      /^seed from tenant acme failed, its previous data kept: /,
    );
  });

  it("refuses the pull request's author's seed when the policy does, and a tenant without a database, or named as a path", async () => {
    const denied = await startPortal({ decision: AuthorizeResult.DENY });
    const refused = await denied.seed('acme');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      `Only ada (the pull request's author) and portal admins may load data into ${ENV}`,
    );
    stopLocalEnvironments(join(directory.path, 'work'));
    directory.clear();

    const { seed } = await startPortal();
    expect((await seed('globex')).status).toBe(404);
    expect((await seed('../tenants/databases/acme')).status).toBe(400);
  });

  it("answers the permission framework's condition IS_PULL_REQUEST_AUTHOR on an environment: its author yes, anyone else and a namesake no", async () => {
    const { server } = await startPortal();
    const condition = (userEntityRef: string) => ({
      id: userEntityRef,
      resourceRef: ENV,
      resourceType: 'review-environment',
      conditions: {
        rule: 'IS_PULL_REQUEST_AUTHOR',
        resourceType: 'review-environment',
        params: { userEntityRef },
      },
    });
    const answer = await request(server)
      .post(
        '/api/review-envs/.well-known/backstage/permissions/apply-conditions',
      )
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:permission'),
          targetPluginId: 'review-envs',
        }),
      )
      .send({
        items: [
          condition('user:default/Ada'),
          condition('user:default/bob'),
          condition('user:contractors/ada'),
        ],
      });
    expect(answer.body.items).toEqual([
      { id: 'user:default/Ada', result: AuthorizeResult.ALLOW },
      { id: 'user:default/bob', result: AuthorizeResult.DENY },
      { id: 'user:contractors/ada', result: AuthorizeResult.DENY },
    ]);
  });

  it('seeds a pull request labelled seed:<slug> once its environment is deployed, before it is ready, and not again on the next push', async () => {
    const { get, report, work, repository } = await startPortal({
      labels: ['review', 'seed:acme'],
    });
    const ready = await get('');
    expect(ready.state).toBe('ready');
    const names = await (await fetch(ready.url)).json();
    expect(names).toHaveLength(20);
    expect(names.join()).not.toContain('Realname');
    expect((await get('/seeds')).items).toEqual([
      expect.objectContaining({
        tenant: 'acme',
        actor: 'seed-label',
        state: 'succeeded',
        rows: 140,
      }),
    ]);
    expect((await get('/logs')).deploy.join('\n')).toMatch(
      /Seeded from tenant acme: 140 rows/,
    );

    await report({
      headSha: repository.commit('main', { VERSION: '2' }),
      labels: ['review', 'seed:acme'],
    });
    await work();
    expect((await get('')).state).toBe('ready');
    expect((await get('/seeds')).items).toHaveLength(1);
  });

  it('deploys a pull request labelled with a tenant that has no database, saying so in the deploy log', async () => {
    const { get } = await startPortal({ labels: ['review', 'seed:globex'] });
    expect((await get('')).state).toBe('ready');
    expect((await get('/logs')).deploy.join('\n')).toContain(
      'Seeding from tenant globex failed: Tenant globex has no database to copy',
    );
  });

  it('masks alike seed after seed with the secret it makes when none is configured', async () => {
    const { seed, customers } = await startPortal({ noSecret: true });
    expect((await seed('acme')).status).toBe(201);
    const first = customers();
    expect(JSON.stringify(first)).not.toContain('Realname');
    expect((await seed('acme')).status).toBe(201);
    expect(customers()).toEqual(first);
    // Not the configured secret's values.
    const maskers = new Maskers(SECRET);
    expect(first[0].email).not.toBe(
      maskers.mask(
        { kind: 'fake-email' },
        'customer1.realperson@tenant-acme.test',
      ),
    );
  });

  it('lets a CI pipeline seed, and drops the database and any unfinished copy at teardown', async () => {
    const { server, seed, work, envFile, workDir } = await startPortal();
    expect((await seed('acme', CI)).body).toMatchObject({
      state: 'succeeded',
      actor: 'external:ci',
    });
    expect(existsSync(envFile)).toBe(true);

    const teardown = await request(server)
      .delete(`/api/review-envs/environments/${ENV}`)
      .set('Authorization', ADA);
    expect(teardown.status).toBe(202);
    await work();
    expect(readdirSync(join(workDir, 'databases'))).toEqual([]);
    expect((await seed('acme')).status).toBe(409);
  });
});

describeOnPostgres(
  'loading a tenant’s masked data into a review environment (PostgreSQL)',
  postgresUrl => {
    const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
    const directory = createMockDirectory();
    const slug = `seedtest-${process.pid}`;
    const tenantDb = `tenant_${slug.replace(/-/g, '_')}`;
    const number = process.pid;
    const env = `acme-web-pr-${number}`;
    const envDb = `review_${env.replace(/-/g, '_')}`;
    const url = new URL(postgresUrl);
    const adminTo = (database: string) => {
      const to = new URL(url);
      to.pathname = `/${database}`;
      return createKnex({ client: 'pg', connection: to.toString() });
    };
    const admin = () => adminTo('postgres');

    afterAll(async () => {
      const db = admin();
      try {
        for (const name of [
          envDb,
          `review__${env.replace(/-/g, '_')}`,
          tenantDb,
        ]) {
          await db.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        }
        for (const name of [envDb, tenantDb]) {
          await db.raw(`DROP ROLE IF EXISTS "${name}"`);
        }
      } finally {
        await db.destroy();
      }
    });

    it('copies the tenant masked into the environment’s own database, keeps it on a refused seed, and drops every database at teardown', async () => {
      const db = admin();
      await db.raw(`CREATE DATABASE "${tenantDb}"`);
      await db.destroy();
      const tenant = adminTo(tenantDb);
      await tenant.raw(tenantSql(20));
      await tenant.destroy();
      directory.setContent({ 'env-schema.sql': TENANT_SCHEMA });
      const connection = postgresDatabaseConfig(postgresUrl);
      const scheduler = mockServices.scheduler.mock();
      scheduler.triggerTask.mockResolvedValue();
      const { server } = await startTestBackend({
        features: [
          reviewEnvsPlugin,
          scheduler.factory,
          mockServices.database.factory({
            knex: await databases.init('POSTGRES_15'),
          }),
          mockServices.rootConfig.factory({
            data: {
              tenantScaffolder: { provisioning: { database: connection } },
              reviewEnvs: {
                local: { workDir: directory.path },
                database: {
                  ...connection,
                  seedSqlFile: join(directory.path, 'env-schema.sql'),
                },
                seed: { secret: SECRET, tables: TENANT_POLICY },
              },
            },
          }),
        ],
      });
      const report = (open: boolean) =>
        request(server)
          .post('/api/review-envs/pull-requests')
          .set('Authorization', CI)
          .send({
            repository: 'acme/web',
            number,
            title: 'Invoice export',
            branch: 'feature/export',
            headSha: 'a'.repeat(40),
            author: 'ada',
            open,
            labels: ['review'],
          });
      const seed = () =>
        request(server)
          .post(`/api/review-envs/environments/${env}/seed`)
          .set('Authorization', CI)
          .send({ tenant: slug });
      await report(true);

      const seeded = await seed();
      expect(seeded.status).toBe(201);
      expect(seeded.body).toMatchObject({ state: 'succeeded', rows: 140 });
      const policy = readMaskingPolicy(
        new ConfigReader({ secret: SECRET, tables: TENANT_POLICY }),
      )!;
      const source = adminTo(tenantDb);
      const target = adminTo(envDb);
      try {
        expect(await target('customers').count({ n: '*' })).toEqual([
          { n: '20' },
        ]);
        const { rows } = await target.raw(
          "SELECT tableowner FROM pg_tables WHERE tablename = 'customers'",
        );
        expect(rows).toEqual([{ tableowner: envDb }]);
        expect(await findUnmaskedValues({ source, target, policy })).toEqual({
          found: 0,
          where: [],
        });
        const before = await target('customers').orderBy('id');

        await source.raw('ALTER TABLE customers ADD COLUMN date_of_birth TEXT');
        await target.destroy();
        const refused = await seed();
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toContain(
          'customers.date_of_birth has no masking rule',
        );
        const after = adminTo(envDb);
        try {
          expect(await after('customers').orderBy('id')).toEqual(before);
        } finally {
          await after.destroy();
        }
      } finally {
        await source.destroy();
        await target.destroy();
      }

      // Never deployed, it ends at once when closed; the sweep drops its
      // database.
      await report(false);
      for (const id of ['review-envs-work', 'review-envs-remove-orphans']) {
        const task = scheduler.scheduleTask.mock.calls.find(
          ([t]) => t.id === id,
        )![0];
        await task.fn(new AbortController().signal);
      }
      const check = admin();
      try {
        const { rows } = await check.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ? UNION ALL SELECT rolname FROM pg_roles WHERE rolname = ?',
          [`review%${env.replace(/-/g, '_')}`, envDb],
        );
        expect(rows).toEqual([]);
      } finally {
        await check.destroy();
      }
    });
  },
);
