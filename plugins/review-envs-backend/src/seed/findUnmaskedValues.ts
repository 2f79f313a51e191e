import { Knex } from 'knex';
import { MaskingPolicy } from './maskingPolicy';
import { readSourceSchema } from './readSourceSchema';

/** Text shorter than this is too common to count as a leak (`NL`, `yes`). */
const MIN_LENGTH = 4;

/**
 * How many values of the copy are a value of a masked column of the source
 * (every column whose rule is not `keep`): each cell of every table of the
 * copy is compared whole and word by word with every such source value of
 * at least four characters, other than the policy's own `fixed:` values.
 * Where each was found, as `table.column`, never the value.
 */
export async function findUnmaskedValues(options: {
  source: Knex;
  target: Knex;
  policy: MaskingPolicy;
}): Promise<{ found: number; where: string[] }> {
  const { source, target, policy } = options;
  const fixed = new Set(
    policy.tables.flatMap(table =>
      [...table.columns.values()].flatMap(rule =>
        rule.kind === 'fixed' ? [rule.value] : [],
      ),
    ),
  );
  const secrets = new Set<string>();
  for (const table of policy.tables) {
    const masked = [...table.columns.entries()]
      .filter(([, rule]) => rule.kind !== 'keep')
      .map(([column]) => column);
    if (masked.length === 0) continue;
    for (const row of await source(table.name).select(masked)) {
      for (const column of masked) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        const text = String(value);
        if (text.length >= MIN_LENGTH && !fixed.has(text)) secrets.add(text);
      }
    }
  }
  let found = 0;
  const where = new Set<string>();
  for (const [name, table] of await readSourceSchema(target)) {
    for (const row of await target(name).select(table.columns)) {
      for (const column of table.columns) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        const text = String(value);
        if (
          secrets.has(text) ||
          text.split(/\s+/).some(word => secrets.has(word))
        ) {
          found += 1;
          where.add(`${name}.${column}`);
        }
      }
    }
  }
  return { found, where: [...where] };
}
