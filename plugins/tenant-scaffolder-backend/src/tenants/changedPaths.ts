/**
 * Paths of the values that differ between two JSON documents, for the
 * history: `branding.palette.primary`, `footer.links[1].url`.
 */
export function changedPaths(
  before: unknown,
  after: unknown,
  path = '',
): string[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap(key =>
      changedPaths(before[key], after[key], path ? `${path}.${key}` : key),
    );
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) =>
      changedPaths(before[index], after[index], `${path}[${index}]`),
    ).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
