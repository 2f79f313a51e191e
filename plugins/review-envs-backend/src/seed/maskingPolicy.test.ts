import { ConfigReader } from '@backstage/config';
import { coverageProblems, foreignKeyOrder, SourceTable } from './coverage';
import { Maskers } from './maskers';
import {
  MaskRule,
  parseRule,
  readMaskingPolicy,
  ruleText,
} from './maskingPolicy';

const SECRET = 'a-secret-for-the-tests';

const seedConfig = (seed: object) =>
  new ConfigReader({ reviewEnvs: { seed } }).getOptionalConfig(
    'reviewEnvs.seed',
  );

const POLICY = {
  secret: SECRET,
  tables: [
    {
      name: 'customers',
      limit: 100,
      where: 'deleted_at IS NULL',
      columns: { id: 'keep', email: 'fake-email', name: 'fake-name' },
    },
    {
      name: 'orders',
      columns: { id: 'keep', customer_id: 'keep', note: 'null' },
    },
  ],
};

describe('masking rules', () => {
  const maskers = new Maskers(SECRET);
  const rule = (text: string) => parseRule(text, 't.c');

  it('keep keeps the value, of any type', () => {
    for (const value of ['Ada', 42, 1.5, Buffer.from('x')]) {
      expect(maskers.mask(rule('keep'), value)).toBe(value);
    }
  });

  it('null empties the value', () => {
    expect(maskers.mask(rule('null'), 'ada@acme.com')).toBeNull();
  });

  it('fixed:<value> puts the value, colons and all', () => {
    expect(maskers.mask(rule('fixed:gold'), 'platinum')).toBe('gold');
    expect(maskers.mask(rule('fixed:a:b'), 'x')).toBe('a:b');
    expect(maskers.mask(rule('fixed:'), 'x')).toBe('');
  });

  it('hash gives 16 hex digits for text, and a positive 31-bit whole number for a number', () => {
    const text = maskers.mask(rule('hash'), 'NL123456789B01');
    expect(text).toMatch(/^[0-9a-f]{16}$/);
    const number = maskers.mask(rule('hash'), 123456) as number;
    expect(Number.isInteger(number)).toBe(true);
    expect(number).toBeGreaterThan(0);
    expect(number).toBeLessThan(2 ** 31);
    expect(maskers.mask(rule('hash'), 123456)).not.toBe(123456);
  });

  it('fake-email gives an address at example.com that is not the original', () => {
    const email = maskers.mask(rule('fake-email'), 'ada.lovelace@acme.com');
    expect(email).toMatch(/^[a-z]+\.[a-z]+\.[0-9a-f]{10}@example\.com$/);
    expect(email).not.toContain('lovelace');
  });

  it('fake-email is the same however the address was typed, and differs between addresses', () => {
    const a = maskers.mask(rule('fake-email'), 'Ada@Acme.com ');
    expect(maskers.mask(rule('fake-email'), 'ada@acme.com')).toBe(a);
    expect(maskers.mask(rule('fake-email'), 'bob@acme.com')).not.toBe(a);
  });

  it('fake-name gives a first and a last name', () => {
    expect(maskers.mask(rule('fake-name'), 'Ada Lovelace')).toMatch(
      /^[A-Z][a-z]+ [A-Z][a-z]+$/,
    );
  });

  it('fake-phone gives a number of the block reserved for fiction, the same however it was typed', () => {
    const phone = maskers.mask(rule('fake-phone'), '+31 (0)20 555 1234');
    expect(phone).toMatch(/^\+1 555 01\d\d \d{4}$/);
    expect(maskers.mask(rule('fake-phone'), '+31 (0)20-555-1234')).toBe(phone);
  });

  it('keeps a null null under every rule', () => {
    for (const text of [
      'keep',
      'null',
      'hash',
      'fake-email',
      'fake-name',
      'fake-phone',
      'fixed:x',
    ]) {
      expect(maskers.mask(rule(text), null)).toBeNull();
    }
  });

  it('is deterministic: the same value gives the same output, in any column and any run, so joins still match', () => {
    const again = new Maskers(SECRET);
    for (const text of ['hash', 'fake-email', 'fake-name', 'fake-phone']) {
      const values = Array.from({ length: 50 }, (_, i) => `person-${i}@x.io`);
      expect(values.map(v => again.mask(rule(text), v))).toEqual(
        values.map(v => maskers.mask(rule(text), v)),
      );
    }
    expect(again.mask(rule('hash'), 77)).toBe(maskers.mask(rule('hash'), 77));
  });

  it('depends on the secret: another secret gives other values', () => {
    const other = new Maskers('another-secret-for-tests');
    for (const text of ['hash', 'fake-email']) {
      expect(other.mask(rule(text), 'ada@acme.com')).not.toBe(
        maskers.mask(rule(text), 'ada@acme.com'),
      );
    }
  });

  it('gives distinct hashes and emails to distinct values', () => {
    const values = Array.from(
      { length: 10_000 },
      (_, i) => `user${i}@acme.com`,
    );
    for (const text of ['hash', 'fake-email']) {
      expect(new Set(values.map(v => maskers.mask(rule(text), v))).size).toBe(
        values.length,
      );
    }
  });

  it('refuses a rule it does not know, naming the column', () => {
    expect(() => parseRule('scramble', 'customers.email')).toThrow(
      "customers.email: 'scramble' is not a masking rule",
    );
    expect(ruleText(parseRule('fixed:gold', 'x'))).toBe('fixed:gold');
  });
});

describe('readMaskingPolicy', () => {
  it('reads tables, limits, filters and rules, with a revision', () => {
    const policy = readMaskingPolicy(seedConfig(POLICY))!;
    expect(policy.tables).toEqual([
      {
        name: 'customers',
        limit: 100,
        where: 'deleted_at IS NULL',
        columns: new Map<string, MaskRule>([
          ['id', { kind: 'keep' }],
          ['email', { kind: 'fake-email' }],
          ['name', { kind: 'fake-name' }],
        ]),
      },
      {
        name: 'orders',
        limit: undefined,
        where: undefined,
        columns: new Map<string, MaskRule>([
          ['id', { kind: 'keep' }],
          ['customer_id', { kind: 'keep' }],
          ['note', { kind: 'null' }],
        ]),
      },
    ]);
    expect(policy.revision).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gives the same revision to the same policy and another to any change of a rule, limit or filter, not of the secret', () => {
    const revision = (seed: object) =>
      readMaskingPolicy(seedConfig(seed))!.revision;
    const base = revision(POLICY);
    expect(revision({ ...POLICY, secret: 'another-secret-for-tests' })).toBe(
      base,
    );
    const changed = (change: (p: any) => void) => {
      const copy = JSON.parse(JSON.stringify(POLICY));
      change(copy);
      return revision(copy);
    };
    expect(changed(p => (p.tables[0].columns.name = 'hash'))).not.toBe(base);
    expect(changed(p => (p.tables[0].limit = 10))).not.toBe(base);
    expect(changed(p => (p.tables[0].where = '1 = 1'))).not.toBe(base);
  });

  it('takes no secret: the plugin then makes one and keeps it', () => {
    expect(
      readMaskingPolicy(seedConfig({ ...POLICY, secret: undefined }))!.secret,
    ).toBeUndefined();
  });

  it('is undefined without tables', () => {
    expect(readMaskingPolicy(undefined)).toBeUndefined();
    expect(readMaskingPolicy(seedConfig({ secret: SECRET }))).toBeUndefined();
  });

  it.each([
    [{ ...POLICY, secret: 'short' }, /at least 16/],
    [
      {
        secret: SECRET,
        tables: [{ name: 'a; DROP', columns: { id: 'keep' } }],
      },
      /not a plain table name/,
    ],
    [
      { secret: SECRET, tables: [{ name: 'a', columns: { id: 'shuffle' } }] },
      /a\.id: 'shuffle' is not a masking rule/,
    ],
    [
      {
        secret: SECRET,
        tables: [{ name: 'a', limit: -1, columns: { id: 'keep' } }],
      },
      /limit must be a whole number/,
    ],
    [
      {
        secret: SECRET,
        tables: [
          { name: 'a', columns: { id: 'keep' } },
          { name: 'a', columns: { id: 'keep' } },
        ],
      },
      /named twice/,
    ],
  ])('refuses a policy it cannot apply safely (%#)', (seed, message) => {
    expect(() => readMaskingPolicy(seedConfig(seed))).toThrow(message);
  });
});

describe('coverage', () => {
  const policy = readMaskingPolicy(seedConfig(POLICY))!;
  const source = (changes: Record<string, SourceTable> = {}) =>
    new Map<string, SourceTable>(
      Object.entries({
        customers: { columns: ['id', 'email', 'name'], foreignKeys: [] },
        orders: {
          columns: ['id', 'customer_id', 'note'],
          foreignKeys: [
            {
              columns: ['customer_id'],
              table: 'customers',
              references: ['id'],
            },
          ],
        },
        ...changes,
      }),
    );

  it('accepts a policy with a rule for every column of every table it copies', () => {
    expect(coverageProblems(policy, source())).toEqual([]);
  });

  it('names every column without a rule: deny by default', () => {
    expect(
      coverageProblems(
        policy,
        source({
          customers: {
            columns: ['id', 'email', 'name', 'phone', 'tax_id'],
            foreignKeys: [],
          },
        }),
      ),
    ).toEqual([
      'column customers.phone has no masking rule in the policy',
      'column customers.tax_id has no masking rule in the policy',
    ]);
  });

  it('names a table or column of the policy the source lacks, and a referenced table it does not copy', () => {
    const missing = source({
      customers: {
        columns: ['id', 'email'],
        foreignKeys: [
          { columns: ['org_id'], table: 'organisations', references: ['id'] },
        ],
      },
    });
    missing.delete('orders');
    expect(coverageProblems(policy, missing)).toEqual([
      'column customers.name of the policy is not in the source database',
      'table customers references organisations, which the policy does not copy',
      'table orders is not in the source database',
    ]);
  });

  it('names a reference masked otherwise than the column it references', () => {
    const hashed = readMaskingPolicy(
      seedConfig({
        ...POLICY,
        tables: [
          POLICY.tables[0],
          {
            ...POLICY.tables[1],
            columns: { ...POLICY.tables[1].columns, customer_id: 'hash' },
          },
        ],
      }),
    )!;
    expect(coverageProblems(hashed, source())).toEqual([
      "column orders.customer_id references customers.id but is masked otherwise (hash, not keep): the copy's references would break",
    ]);
  });

  it('orders tables after those they reference, whatever the policy order', () => {
    const tables = source({
      invoices: {
        columns: ['id'],
        foreignKeys: [
          { columns: ['order_id'], table: 'orders', references: ['id'] },
          { columns: ['parent_id'], table: 'invoices', references: ['id'] },
        ],
      },
    });
    expect(
      foreignKeyOrder(['invoices', 'orders', 'customers'], tables),
    ).toEqual(['customers', 'orders', 'invoices']);
  });

  it('refuses tables that reference each other in a cycle', () => {
    const cycle = new Map<string, SourceTable>([
      [
        'a',
        {
          columns: [],
          foreignKeys: [{ columns: ['b'], table: 'b', references: ['id'] }],
        },
      ],
      [
        'b',
        {
          columns: [],
          foreignKeys: [{ columns: ['a'], table: 'a', references: ['id'] }],
        },
      ],
    ]);
    expect(() => foreignKeyOrder(['a', 'b'], cycle)).toThrow(
      'tables reference each other in a cycle: a -> b -> a',
    );
  });
});
