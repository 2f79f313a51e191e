import { Scope } from '@internal/plugin-release-watch-common';

/** `component:default/web` reads as `web`, `component:team-a/web` as `team-a/web`. */
export function shortEntityRef(entityRef: string): string {
  return entityRef.replace(/^[^:]+:(default\/)?/, '');
}

/** Whose numbers, for people: `Organisation`, `frontend (group)`, `web`. */
export function formatScope(scope: Scope): string {
  switch (scope.kind) {
    case 'group':
      return `${scope.group} (group)`;
    case 'entity':
      return shortEntityRef(scope.entityRef);
    case 'owner':
      return `${shortEntityRef(scope.owner)} (team)`;
    default:
      return 'Organisation';
  }
}

/** Whose numbers, in full, for exports: `org`, `group:frontend`, `component:default/web`. */
export function scopeId(scope: Scope): string {
  switch (scope.kind) {
    case 'group':
      return `group:${scope.group}`;
    case 'entity':
      return scope.entityRef;
    case 'owner':
      return scope.owner;
    default:
      return 'org';
  }
}
