// The seed part of yarn bench:review-envs: a tenant database of 100,000
// rows over 5 tables (SQLite) copied and masked into a review environment's
// own SQLite database through POST /environments/:id/seed, then every value
// of the copy compared with every value of the source's masked columns.
//  - seed_100k_rows_seconds: the seed request, sent until answered
//  - unmasked_values_found: values of the copy that are a masked source value
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_TENANT = 'benchseed';

const SCHEMA = `
CREATE TABLE organisations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, vat_number TEXT NOT NULL);
CREATE TABLE customers (id INTEGER PRIMARY KEY, organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  email TEXT NOT NULL, name TEXT NOT NULL, phone TEXT, notes TEXT, created_at TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id),
  customer_email TEXT NOT NULL, total_cents INTEGER NOT NULL, status TEXT NOT NULL);
CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id),
  sku TEXT NOT NULL, quantity INTEGER NOT NULL);
CREATE TABLE audit_events (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id),
  actor_email TEXT NOT NULL, action TEXT NOT NULL);
`;

const COUNTS = {
  organisations: 1_000,
  customers: 20_000,
  orders: 40_000,
  order_lines: 30_000,
  audit_events: 9_000,
};

/** Every column covered, the personal ones masked. */
const POLICY = [
  {
    name: 'organisations',
    columns: { id: 'keep', name: 'fake-name', vat_number: 'hash' },
  },
  {
    name: 'customers',
    columns: {
      id: 'keep',
      organisation_id: 'keep',
      email: 'fake-email',
      name: 'fake-name',
      phone: 'fake-phone',
      notes: 'null',
      created_at: 'keep',
    },
  },
  {
    name: 'orders',
    columns: {
      id: 'keep',
      customer_id: 'keep',
      customer_email: 'fake-email',
      total_cents: 'keep',
      status: 'fixed:open',
    },
  },
  {
    name: 'order_lines',
    columns: { id: 'keep', order_id: 'keep', sku: 'keep', quantity: 'keep' },
  },
  {
    name: 'audit_events',
    columns: {
      id: 'keep',
      customer_id: 'keep',
      actor_email: 'fake-email',
      action: 'keep',
    },
  },
];

/**
 * Writes the tenant's database (its rows look personal) and the schema the
 * environment's database starts from, under `dir`; returns the portal
 * configuration that copies from it.
 */
export function prepareSeedBench(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tenants', 'databases'), { recursive: true });
  const tenantFile = join(dir, 'tenants', 'databases', `${SEED_TENANT}.sqlite`);
  const db = new Database(tenantFile);
  db.exec(SCHEMA);
  const email = c => `person${c}.realname@customer-mail.test`;
  db.transaction(() => {
    const org = db.prepare('INSERT INTO organisations VALUES (?, ?, ?)');
    for (let i = 1; i <= COUNTS.organisations; i++)
      org.run(i, `Real Company ${i} Ltd`, `GB${String(100000000 + i)}`);
    const customer = db.prepare(
      'INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 1; i <= COUNTS.customers; i++)
      customer.run(
        i,
        ((i - 1) % COUNTS.organisations) + 1,
        email(i),
        `Firstname${i} Lastname${i}`,
        `+44 20 7946 ${String(i).padStart(5, '0')}`,
        `Spoke to Firstname${i} on the phone`,
        '2026-01-01T00:00:00Z',
      );
    const order = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?)');
    for (let i = 1; i <= COUNTS.orders; i++) {
      const c = ((i - 1) % COUNTS.customers) + 1;
      order.run(i, c, email(c), i * 7, i % 2 ? 'paid' : 'shipped');
    }
    const line = db.prepare('INSERT INTO order_lines VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= COUNTS.order_lines; i++)
      line.run(i, ((i - 1) % COUNTS.orders) + 1, `SKU-${i % 500}`, 1 + (i % 5));
    const audit = db.prepare('INSERT INTO audit_events VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= COUNTS.audit_events; i++) {
      const c = ((i - 1) % COUNTS.customers) + 1;
      audit.run(i, c, email(c), i % 3 ? 'login' : 'export');
    }
  })();
  db.close();
  const schemaFile = join(dir, 'environment-schema.sql');
  writeFileSync(schemaFile, SCHEMA);
  return {
    tenantFile,
    config: {
      tenantScaffolder: { dataDir: join(dir, 'tenants') },
      reviewEnvs: {
        // Shared by both backends, as a volume would be.
        database: {
          directory: join(dir, 'environments'),
          seedSqlFile: schemaFile,
        },
        seed: { secret: 'bench-review-envs-seed-secret', tables: POLICY },
      },
    },
    environmentFile: id => join(dir, 'environments', `${id}.sqlite`),
  };
}

/** Seeds the environment from the bench tenant; returns the seconds taken. */
export async function measureSeed(url, headers, environmentId) {
  const rows = Object.values(COUNTS).reduce((a, b) => a + b, 0);
  const started = performance.now();
  const response = await fetch(
    `${url}/api/review-envs/environments/${environmentId}/seed`,
    { method: 'POST', headers, body: JSON.stringify({ tenant: SEED_TENANT }) },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const seed = await response.json();
  if (response.status !== 201 || seed.rows !== rows) {
    throw new Error(
      `seeding answered ${response.status}: ${JSON.stringify(seed)}`,
    );
  }
  console.log(
    `seeded ${environmentId} from tenant ${SEED_TENANT}: ${seed.rows} rows over 5 tables in ${seconds} s (policy ${seed.policyRevision})`,
  );
  return seconds;
}

/**
 * Values of the copy that are a value of a masked column of the source
 * (rule other than keep), compared whole and word by word; text shorter
 * than 4 characters and the policy's fixed values aside, as the backend's
 * own scan does.
 */
export function countUnmaskedValues(tenantFile, environmentFile) {
  const source = new Database(tenantFile, { readonly: true });
  const secrets = new Set();
  const fixed = new Set(
    POLICY.flatMap(t =>
      Object.values(t.columns)
        .filter(rule => rule.startsWith('fixed:'))
        .map(rule => rule.slice(6)),
    ),
  );
  for (const table of POLICY) {
    const masked = Object.entries(table.columns)
      .filter(([, rule]) => rule !== 'keep')
      .map(([column]) => column);
    if (masked.length === 0) continue;
    for (const row of source
      .prepare(`SELECT ${masked.join(', ')} FROM ${table.name}`)
      .all()) {
      for (const column of masked) {
        const value = row[column];
        if (value === null) continue;
        const text = String(value);
        if (text.length >= 4 && !fixed.has(text)) secrets.add(text);
      }
    }
  }
  source.close();
  const copy = new Database(environmentFile, { readonly: true });
  let found = 0;
  let cells = 0;
  for (const { name } of copy
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all()) {
    for (const row of copy.prepare(`SELECT * FROM "${name}"`).all()) {
      for (const value of Object.values(row)) {
        if (value === null) continue;
        cells += 1;
        const text = String(value);
        if (secrets.has(text) || text.split(/\s+/).some(w => secrets.has(w)))
          found += 1;
      }
    }
  }
  copy.close();
  console.log(
    `scanned ${cells} values of the copy against ${secrets.size} masked source values: ${found} found`,
  );
  return found;
}
