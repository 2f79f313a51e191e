const SECRET_KEY = /password|passwd|secret|token|credential|private.?key/i;

/**
 * The first key anywhere in a JSON value whose name suggests a secret, so
 * that free-form details, which the API returns, never carry one.
 */
export function secretKeyIn(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const key = secretKeyIn(item);
      if (key) return key;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, nested] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) return key;
    const found = secretKeyIn(nested);
    if (found) return found;
  }
  return undefined;
}
