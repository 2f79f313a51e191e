import { FieldProblem } from '@internal/plugin-tenant-scaffolder-common';
import {
  fieldProblemsOf,
  problemsByField,
  statusCodeOf,
} from '../../api/errors';

/** Why a save failed, as the form shows it. */
export type SaveFailure = {
  /** The fields the backend refused (a 400), in its order. */
  problems: FieldProblem[];
  /** The first problem of each field path. */
  problemsByField: Record<string, string>;
  /** Someone saved since the form was loaded (a 409). */
  conflict: boolean;
  /** Any other failure: shown as it is. */
  other?: unknown;
};

export function saveFailureOf(error: unknown): SaveFailure {
  const problems = fieldProblemsOf(error);
  const conflict = statusCodeOf(error) === 409;
  return {
    problems,
    problemsByField: problemsByField(problems),
    conflict,
    other:
      error !== undefined && !conflict && problems.length === 0
        ? error
        : undefined,
  };
}
