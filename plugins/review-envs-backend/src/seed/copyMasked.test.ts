import { ConfigReader } from '@backstage/config';
import { describeOnPostgres } from '@internal/backend-plugin-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { Knex, knex as createKnex } from 'knex';
import { join } from 'node:path';
import { copyMasked } from './copyMasked';
import { findUnmaskedValues } from './findUnmaskedValues';
import { Maskers } from './maskers';
import { readMaskingPolicy } from './maskingPolicy';
import {
  TENANT_POLICY,
  tenantRows,
  tenantSchemaStatements,
} from './__testUtils__/tenantData';

const SECRET = 'a-secret-for-the-copy-tests';

const policyOf = (tables: object[]) => ({
  ...readMaskingPolicy(
    new ConfigReader({ seed: { secret: SECRET, tables } }).getConfig('seed'),
  )!,
  secret: SECRET,
});

const [LINES, ORDERS, CUSTOMERS] = TENANT_POLICY;
const POLICY = TENANT_POLICY;

async function fill(source: Knex, customers = 20) {
  for (const statement of tenantSchemaStatements()) await source.raw(statement);
  for (const [table, rows] of Object.entries(tenantRows(customers))) {
    await source(table).insert(rows);
  }
}

async function schemaOnly(target: Knex) {
  for (const statement of tenantSchemaStatements()) await target.raw(statement);
}

const count = async (db: Knex, table: string) =>
  Number((await db(table).count({ n: '*' }))[0].n);

function copyTests(open: () => Promise<{ source: Knex; target: Knex }>) {
  let source: Knex;
  let target: Knex;
  beforeEach(async () => {
    ({ source, target } = await open());
    await fill(source);
    await schemaOnly(target);
  });
  afterEach(async () => {
    await source.destroy();
    await target.destroy();
  });

  it('masks every column by its rule and keeps what the policy keeps', async () => {
    const result = await copyMasked({
      source,
      target,
      policy: policyOf(POLICY),
    });
    expect(result).toEqual({
      rows: 20 + 60 + 60,
      tables: [
        { name: 'customers', rows: 20 },
        { name: 'orders', rows: 60 },
        { name: 'order_lines', rows: 60 },
      ],
    });
    const maskers = new Maskers(SECRET);
    const original = await source('customers').where({ id: 3 }).first();
    const copy = await target('customers').where({ id: 3 }).first();
    expect(copy).toEqual({
      id: 3,
      email: maskers.mask({ kind: 'fake-email' }, original.email),
      name: maskers.mask({ kind: 'fake-name' }, original.name),
      phone: maskers.mask({ kind: 'fake-phone' }, original.phone),
      tax_id: maskers.mask({ kind: 'hash' }, original.tax_id),
      tier: 'standard',
      notes: null,
      active: 0,
    });
    expect(copy.email).toMatch(/@example\.com$/);
    expect(copy.tax_id).toMatch(/^[0-9a-f]{16}$/);
    expect((await target('customers').whereNotNull('notes')).length).toBe(0);
  });

  it('masks the same value the same everywhere: joins on masked columns still match, and a second copy is the same', async () => {
    const policy = policyOf(POLICY);
    await copyMasked({ source, target, policy });
    const joined = await target('orders')
      .join('customers', 'customers.email', 'orders.customer_email')
      .select('orders.customer_id', 'customers.id as matched');
    expect(joined).toHaveLength(60);
    expect(joined.every(r => r.customer_id === r.matched)).toBe(true);

    const first = await target('customers').orderBy('id');
    await copyMasked({ source, target, policy });
    expect(await target('customers').orderBy('id')).toEqual(first);
  });

  it('takes limits and filters, and leaves out rows whose references were not copied, so foreign keys hold', async () => {
    const policy = policyOf([
      LINES,
      { ...ORDERS, where: 'total_cents >= 2000' },
      { ...CUSTOMERS, limit: 5 },
    ]);
    const result = await copyMasked({ source, target, policy });
    // Customers 1-5; their orders of at least 20.00 (ids 21-53); their lines.
    expect(result.tables).toEqual([
      { name: 'customers', rows: 5 },
      { name: 'orders', rows: 12 },
      { name: 'order_lines', rows: 12 },
    ]);
    const dangling = await target('orders')
      .leftJoin('customers', 'customers.id', 'orders.customer_id')
      .whereNull('customers.id');
    expect(dangling).toEqual([]);
    const danglingLines = await target('order_lines')
      .leftJoin('orders', 'orders.id', 'order_lines.order_id')
      .whereNull('orders.id');
    expect(danglingLines).toEqual([]);
  });

  it('copies more rows than one insert statement takes', async () => {
    // 20 customers are there already: 600 more, 1,860 orders, 1,860 lines.
    const more = tenantRows(620);
    for (const [table, rows] of Object.entries(more)) {
      const fresh = rows.slice(table === 'customers' ? 20 : 60);
      for (let i = 0; i < fresh.length; i += 100) {
        await source(table).insert(fresh.slice(i, i + 100));
      }
    }
    const result = await copyMasked({
      source,
      target,
      policy: policyOf(POLICY),
    });
    expect(result.rows).toBe(620 + 1860 + 1860);
    expect(await count(target, 'order_lines')).toBe(1860);
  });

  it('refuses a source with a column the policy does not cover, naming it, and copies nothing', async () => {
    await source.raw('ALTER TABLE customers ADD COLUMN date_of_birth TEXT');
    await expect(
      copyMasked({ source, target, policy: policyOf(POLICY) }),
    ).rejects.toThrow(
      'does not cover the source database, so nothing was copied: column customers.date_of_birth has no masking rule in the policy',
    );
    for (const table of ['customers', 'orders', 'order_lines']) {
      expect(await count(target, table)).toBe(0);
    }
  });

  it('leaves no value of a masked source column anywhere in the copy, and the scan finds one a policy lets through', async () => {
    const policy = policyOf(POLICY);
    await copyMasked({ source, target, policy });
    expect(await findUnmaskedValues({ source, target, policy })).toEqual({
      found: 0,
      where: [],
    });

    // The same emails kept in orders: the scan must see them.
    const leaky = policyOf([
      LINES,
      { ...ORDERS, columns: { ...ORDERS.columns, customer_email: 'keep' } },
      CUSTOMERS,
    ]);
    await copyMasked({ source, target, policy: leaky });
    expect(await findUnmaskedValues({ source, target, policy: leaky })).toEqual(
      { found: 60, where: ['orders.customer_email'] },
    );
  });
}

describe('copyMasked on SQLite', () => {
  const directory = createMockDirectory();
  afterEach(() => directory.clear());
  copyTests(async () => {
    const sqlite = (name: string) =>
      createKnex({
        client: 'better-sqlite3',
        connection: { filename: join(directory.path, name) },
        useNullAsDefault: true,
      });
    return { source: sqlite('tenant.sqlite'), target: sqlite('env.sqlite') };
  });
});

describeOnPostgres('copyMasked on PostgreSQL', postgresUrl => {
  let admin: Knex;
  const prefix = `copytest_${process.pid}_${Date.now().toString(36)}`;
  let made = 0;
  beforeAll(() => {
    admin = createKnex({ client: 'pg', connection: postgresUrl });
  });
  afterEach(async () => {
    for (let i = 1; i <= made; i++) {
      await admin.raw(`DROP DATABASE IF EXISTS ${prefix}_${i} WITH (FORCE)`);
    }
    made = 0;
  });
  afterAll(() => admin.destroy());
  copyTests(async () => {
    const database = async () => {
      const name = `${prefix}_${++made}`;
      await admin.raw(`CREATE DATABASE ${name}`);
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      return createKnex({
        client: 'pg',
        connection: url.toString(),
        pool: { min: 0, max: 2 },
      });
    };
    return { source: await database(), target: await database() };
  });
});
