import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';

/** What becomes of one column's values in a masked copy. */
export type MaskRule =
  | { kind: 'keep' }
  | { kind: 'null' }
  | { kind: 'hash' }
  | { kind: 'fake-email' }
  | { kind: 'fake-name' }
  | { kind: 'fake-phone' }
  | { kind: 'fixed'; value: string };

export type TablePolicy = {
  name: string;
  /** At most this many rows, in primary key order. */
  limit?: number;
  /** An SQL condition on the source table: only the rows it holds for. */
  where?: string;
  /** Every column of the table, and its rule. */
  columns: Map<string, MaskRule>;
};

/** Which tables a masked copy takes, and how each column is masked. */
export type MaskingPolicy = {
  tables: TablePolicy[];
  /** A hash of the tables and rules: which policy a seed was made under. */
  revision: string;
  /**
   * The key of the hashes and fakes: without it, nobody can redo them.
   * Undefined when not configured: the plugin then makes one and keeps it
   * in its database.
   */
  secret?: string;
};

const RULES = [
  'keep',
  'null',
  'hash',
  'fake-email',
  'fake-name',
  'fake-phone',
] as const;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MIN_SECRET = 16;

/** One rule as configured: a name of {@link RULES}, or `fixed:<value>`. */
export function parseRule(text: string, at: string): MaskRule {
  if (text.startsWith('fixed:')) {
    return { kind: 'fixed', value: text.slice('fixed:'.length) };
  }
  if ((RULES as readonly string[]).includes(text)) {
    return { kind: text } as MaskRule;
  }
  throw new InputError(
    `${at}: '${text}' is not a masking rule; use one of ${RULES.join(
      ', ',
    )} or fixed:<value>`,
  );
}

/** The rule as configured, for history and messages. */
export function ruleText(rule: MaskRule): string {
  return rule.kind === 'fixed' ? `fixed:${rule.value}` : rule.kind;
}

/**
 * Reads `reviewEnvs.seed`: the masking policy of copies of tenants' data.
 * Undefined when no table is configured (copies are then refused).
 * Table and column names must be plain SQL identifiers; `secret`, when
 * given, at least 16 characters.
 */
export function readMaskingPolicy(
  config: Config | undefined,
): MaskingPolicy | undefined {
  const entries = config?.getOptionalConfigArray('tables') ?? [];
  if (entries.length === 0) return undefined;
  const key = 'reviewEnvs.seed';
  const secret = config!.getOptionalString('secret');
  if (secret !== undefined && secret.length < MIN_SECRET) {
    throw new InputError(
      `${key}.secret must be at least ${MIN_SECRET} characters: it keys the hashes and fake values of masked copies`,
    );
  }
  const seen = new Set<string>();
  const tables = entries.map((entry, index): TablePolicy => {
    const at = `${key}.tables[${index}]`;
    const name = entry.getString('name');
    if (!IDENTIFIER.test(name)) {
      throw new InputError(`${at}.name '${name}' is not a plain table name`);
    }
    if (seen.has(name)) {
      throw new InputError(`${at}: table ${name} is named twice`);
    }
    seen.add(name);
    const limit = entry.getOptionalNumber('limit');
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
      throw new InputError(`${at}.limit must be a whole number, 0 or more`);
    }
    const columnsConfig = entry.getConfig('columns');
    const columns = new Map<string, MaskRule>();
    for (const column of columnsConfig.keys()) {
      if (!IDENTIFIER.test(column)) {
        throw new InputError(
          `${at}.columns: '${column}' is not a plain column name`,
        );
      }
      columns.set(
        column,
        parseRule(columnsConfig.getString(column), `${name}.${column}`),
      );
    }
    return {
      name,
      limit,
      where: entry.getOptionalString('where'),
      columns,
    };
  });
  return { tables, secret, revision: policyRevision(tables) };
}

/** A hash of the tables, their limits, filters and rules (not the secret). */
export function policyRevision(tables: TablePolicy[]): string {
  const canonical = [...tables]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(table => ({
      name: table.name,
      limit: table.limit ?? null,
      where: table.where ?? null,
      columns: [...table.columns.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([column, rule]) => [column, ruleText(rule)]),
    }));
  return createHash('sha256')
    .update(JSON.stringify(canonical))
    .digest('hex')
    .slice(0, 12);
}
