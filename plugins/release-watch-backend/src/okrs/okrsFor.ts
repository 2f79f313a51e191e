import { Okr, Scope } from '@internal/plugin-release-watch-common';

/**
 * The objectives that apply to a scope, scoped to it: its own, and the
 * organisation's for each metric it has none of.
 */
export function okrsFor(okrs: Okr[], filter: Scope): Okr[] {
  if (filter.kind === 'org') {
    return okrs;
  }
  const own = okrs.filter(okr => sameScope(okr.scope, filter));
  const inherited = okrs
    .filter(
      okr =>
        okr.scope.kind === 'org' && !own.some(o => o.metric === okr.metric),
    )
    .map(okr => ({
      ...okr,
      id: `${okr.id}@${scopeLabel(filter)}`,
      scope: filter,
    }));
  return [...own, ...inherited];
}

function sameScope(a: Scope, b: Scope) {
  return (
    a.kind === b.kind &&
    (a.kind === 'org' ||
      (a.kind === 'group' && b.kind === 'group' && a.group === b.group) ||
      (a.kind === 'entity' &&
        b.kind === 'entity' &&
        a.entityRef === b.entityRef) ||
      (a.kind === 'owner' && b.kind === 'owner' && a.owner === b.owner))
  );
}

function scopeLabel(scope: Scope) {
  if (scope.kind === 'group') return scope.group;
  if (scope.kind === 'entity') return scope.entityRef;
  if (scope.kind === 'owner') return scope.owner;
  return 'org';
}
