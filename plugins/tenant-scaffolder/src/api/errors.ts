import { FieldProblem } from '@internal/plugin-tenant-scaffolder-common';

type ResponseErrorLike = {
  name: string;
  message: string;
  statusCode?: number;
  body?: { error?: { message?: string; problems?: unknown } };
};

function asResponseError(error: unknown): ResponseErrorLike | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    (error as ResponseErrorLike).name === 'ResponseError'
  ) {
    return error as ResponseErrorLike;
  }
  return undefined;
}

/** The HTTP status of a failed call, when it got an answer. */
export function statusCodeOf(error: unknown): number | undefined {
  return asResponseError(error)?.statusCode;
}

/** Every field a 400 named, as the backend sent them: `settings.branding.palette.primary`. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  const problems = asResponseError(error)?.body?.error?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (problem): problem is FieldProblem =>
      typeof problem?.field === 'string' &&
      typeof problem?.message === 'string',
  );
}

/** The backend's own message when there is one, without the HTTP preamble. */
export function messageOf(error: unknown): string {
  const response = asResponseError(error);
  const fromBody = response?.body?.error?.message;
  if (fromBody) return fromBody;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The field problems keyed by field path, the first message of each. */
export function problemsByField(
  problems: FieldProblem[],
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, message } of problems) {
    if (!(field in byField)) byField[field] = message;
  }
  return byField;
}
