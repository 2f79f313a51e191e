import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Parses a request part with a zod schema; a mismatch is a 400 naming the field. */
export function parseRequest<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.length ? issue.path.join('.') : what;
    throw new InputError(`Invalid ${what}: ${field}: ${issue.message}`);
  }
  return result.data;
}
