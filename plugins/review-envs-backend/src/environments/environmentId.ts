import { createHash } from 'node:crypto';

/**
 * A DNS-label id for a pull request's environment, e.g.
 * `acme-workspace-web-pr-42`; long names are shortened with a hash so that
 * two repositories never share an id.
 */
export function environmentIdFor(
  repository: string,
  pullRequest: number,
): string {
  const suffix = `-pr-${pullRequest}`;
  const base = repository
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length + suffix.length <= 63) return `${base}${suffix}`;
  const hash = createHash('sha256')
    .update(repository)
    .digest('hex')
    .slice(0, 8);
  const room = 63 - suffix.length - hash.length - 1;
  return `${base.slice(0, room).replace(/-+$/, '')}-${hash}${suffix}`;
}
