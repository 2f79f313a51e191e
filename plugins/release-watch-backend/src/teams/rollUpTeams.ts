/** A catalog Group as the teams view needs it. */
export type GroupNode = {
  ref: string;
  title: string;
  parent: string | null;
  children: string[];
};

/** A Group with every attributed entity it owns, itself or through the groups below it. */
export type Team = {
  owner: string;
  title: string;
  parent: string | null;
  entityRefs: string[];
};

/**
 * Each group's entities: those it owns directly and those of every group
 * below it (by `children` or by a child's `parent`), each once; a cycle in
 * the hierarchy is walked once. Only groups with at least one entity are
 * teams, sorted by title.
 */
export function rollUpTeams(
  groups: GroupNode[],
  ownedBy: Map<string, string[]>,
): Team[] {
  const children = new Map<string, Set<string>>();
  const link = (parent: string, child: string) => {
    if (parent === child) return;
    const set = children.get(parent) ?? new Set<string>();
    set.add(child);
    children.set(parent, set);
  };
  for (const group of groups) {
    group.children.forEach(child => link(group.ref, child));
    if (group.parent) link(group.parent, group.ref);
  }

  const entitiesBelow = (root: string): Set<string> => {
    const seen = new Set<string>([root]);
    const entities = new Set<string>();
    const queue = [root];
    while (queue.length > 0) {
      const group = queue.shift()!;
      ownedBy.get(group)?.forEach(ref => entities.add(ref));
      for (const child of children.get(group) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          queue.push(child);
        }
      }
    }
    return entities;
  };

  return groups
    .map(group => ({
      owner: group.ref,
      title: group.title,
      parent: group.parent,
      entityRefs: [...entitiesBelow(group.ref)].sort(),
    }))
    .filter(team => team.entityRefs.length > 0)
    .sort(
      (a, b) =>
        a.title.localeCompare(b.title) || a.owner.localeCompare(b.owner),
    );
}
