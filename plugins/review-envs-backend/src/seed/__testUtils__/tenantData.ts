/** A tenant's schema: customers, their orders, the orders' lines. */
export const TENANT_SCHEMA = `
CREATE TABLE customers (
  id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL,
  phone TEXT, tax_id TEXT, tier TEXT NOT NULL, notes TEXT, active INTEGER NOT NULL);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id),
  customer_email TEXT NOT NULL, total_cents INTEGER NOT NULL);
CREATE TABLE order_lines (
  id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id),
  description TEXT NOT NULL);
`;

/** The statements of {@link TENANT_SCHEMA}, one at a time. */
export const tenantSchemaStatements = () =>
  TENANT_SCHEMA.split(';').filter(statement => statement.trim());

/** The rows of one customer, three orders and a line each: real-looking personal data. */
export function tenantRows(customers: number) {
  const rows = {
    customers: [] as Record<string, unknown>[],
    orders: [] as Record<string, unknown>[],
    order_lines: [] as Record<string, unknown>[],
  };
  for (let c = 1; c <= customers; c++) {
    const email = `customer${c}.realperson@tenant-acme.test`;
    rows.customers.push({
      id: c,
      email,
      name: `Realname${c} Realsurname${c}`,
      phone: `+31 20 555 ${String(1000 + c)}`,
      tax_id: `NL${String(100000000 + c)}B01`,
      tier: c % 2 ? 'gold' : 'silver',
      notes: c === 3 ? null : `Called Realname${c} about renewal`,
      active: c % 3 ? 1 : 0,
    });
    for (let o = 1; o <= 3; o++) {
      const id = c * 10 + o;
      rows.orders.push({
        id,
        customer_id: c,
        customer_email: email,
        total_cents: id * 100,
      });
      rows.order_lines.push({
        id: id * 10,
        order_id: id,
        description: `Line of order ${id}`,
      });
    }
  }
  return rows;
}

/** The schema and the rows as one SQL script, for a driver's seed. */
export function tenantSql(customers: number): string {
  const literal = (value: unknown) => {
    if (value === null) return 'NULL';
    if (typeof value === 'number') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  };
  const inserts = Object.entries(tenantRows(customers)).flatMap(
    ([table, rows]) =>
      rows.map(
        row =>
          `INSERT INTO ${table} (${Object.keys(row).join(
            ', ',
          )}) VALUES (${Object.values(row).map(literal).join(', ')});`,
      ),
  );
  return `${TENANT_SCHEMA}\n${inserts.join('\n')}\n`;
}

/** A masking policy for every column of the tenant's tables, children listed first. */
export const TENANT_POLICY = [
  {
    name: 'order_lines',
    columns: { id: 'keep', order_id: 'keep', description: 'keep' },
  },
  {
    name: 'orders',
    columns: {
      id: 'keep',
      customer_id: 'keep',
      customer_email: 'fake-email',
      total_cents: 'keep',
    },
  },
  {
    name: 'customers',
    columns: {
      id: 'keep',
      email: 'fake-email',
      name: 'fake-name',
      phone: 'fake-phone',
      tax_id: 'hash',
      tier: 'fixed:standard',
      notes: 'null',
      active: 'keep',
    },
  },
];
