import { z } from 'zod';
import { TenantInputError } from './TenantInputError';

/** Parses a request part with a zod schema; a mismatch is a 400 naming every field at fault. */
export function parseRequest<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new TenantInputError(
      what,
      result.error.issues.map(issue => ({
        field: issue.path.length ? issue.path.join('.') : what,
        message: issue.message,
      })),
    );
  }
  return result.data;
}
