import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';

/** Group name to the tags and component types that put an entity in it. */
export type GroupRules = Array<{
  group: string;
  tags: string[];
  types: string[];
}>;

export const DEFAULT_GROUP_RULES: GroupRules = [
  { group: 'frontend', tags: ['frontend'], types: ['website'] },
  { group: 'backend', tags: ['backend'], types: ['service'] },
];

/** `releaseWatch.groups`, or frontend/backend by tag and `spec.type`. */
export function readGroupRules(config: Config): GroupRules {
  const groups = config.getOptionalConfig('releaseWatch.groups');
  if (!groups) {
    return DEFAULT_GROUP_RULES;
  }
  return groups.keys().map(group => ({
    group,
    tags: groups.getOptionalStringArray(`${group}.tags`) ?? [],
    types: groups.getOptionalStringArray(`${group}.types`) ?? [],
  }));
}

/** A tag decides first, then `spec.type`; no match means no group. */
export function groupOf(entity: Entity, rules: GroupRules): string | null {
  const tags = entity.metadata.tags ?? [];
  const byTag = rules.find(rule => rule.tags.some(tag => tags.includes(tag)));
  if (byTag) {
    return byTag.group;
  }
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  const byType = rules.find(
    rule => typeof type === 'string' && rule.types.includes(type),
  );
  return byType?.group ?? null;
}
