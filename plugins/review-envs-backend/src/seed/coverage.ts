import { MaskingPolicy, ruleText } from './maskingPolicy';

/** A source table as the copy sees it. */
export type SourceTable = {
  columns: string[];
  /** Each foreign key: its columns, and the table and columns it references. */
  foreignKeys: Array<{
    columns: string[];
    table: string;
    references: string[];
  }>;
};

/**
 * Why the policy cannot copy from this source, one line each; empty when
 * it can. Deny by default: every column of every table the policy copies
 * must have a rule (a new column never leaks), every column it names must
 * exist, and every table a copied table references must be copied too, so
 * the copy's foreign keys hold.
 */
export function coverageProblems(
  policy: MaskingPolicy,
  source: Map<string, SourceTable>,
): string[] {
  const problems: string[] = [];
  for (const table of policy.tables) {
    const found = source.get(table.name);
    if (!found) {
      problems.push(`table ${table.name} is not in the source database`);
      continue;
    }
    for (const column of found.columns) {
      if (!table.columns.has(column)) {
        problems.push(
          `column ${table.name}.${column} has no masking rule in the policy`,
        );
      }
    }
    for (const column of table.columns.keys()) {
      if (!found.columns.includes(column)) {
        problems.push(
          `column ${table.name}.${column} of the policy is not in the source database`,
        );
      }
    }
    for (const foreignKey of found.foreignKeys) {
      const referenced = policy.tables.find(t => t.name === foreignKey.table);
      if (!referenced) {
        problems.push(
          `table ${table.name} references ${foreignKey.table}, which the policy does not copy`,
        );
        continue;
      }
      foreignKey.columns.forEach((column, index) => {
        const rule = table.columns.get(column);
        const target = foreignKey.references[index];
        const targetRule = referenced.columns.get(target);
        if (rule && targetRule && ruleText(rule) !== ruleText(targetRule)) {
          problems.push(
            `column ${table.name}.${column} references ${
              foreignKey.table
            }.${target} but is masked otherwise (${ruleText(
              rule,
            )}, not ${ruleText(
              targetRule,
            )}): the copy's references would break`,
          );
        }
      });
    }
  }
  return problems;
}

/**
 * The policy's tables, each after every table it references (a
 * self-reference aside). Throws on a cycle between tables.
 */
export function foreignKeyOrder(
  tables: string[],
  source: Map<string, SourceTable>,
): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string, path: string[]) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') {
      throw new Error(
        `tables reference each other in a cycle: ${[...path, table].join(
          ' -> ',
        )}`,
      );
    }
    state.set(table, 'visiting');
    for (const foreignKey of source.get(table)?.foreignKeys ?? []) {
      if (foreignKey.table !== table && tables.includes(foreignKey.table)) {
        visit(foreignKey.table, [...path, table]);
      }
    }
    state.set(table, 'done');
    order.push(table);
  };
  for (const table of tables) visit(table, []);
  return order;
}
