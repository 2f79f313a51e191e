import { InputError } from '@backstage/errors';
import { FieldProblem } from '@internal/plugin-tenant-scaffolder-common';

/**
 * A 400 that names every field at fault. The error handler serialises the
 * `problems` property into the response body, so a form can show each
 * problem next to its field:
 * `{ error: { name: 'InputError', message, problems: [{ field, message }] } }`.
 */
export class TenantInputError extends InputError {
  readonly problems: FieldProblem[];

  constructor(what: string, problems: FieldProblem[]) {
    super(
      `Invalid ${what}: ${problems
        .map(problem => `${problem.field}: ${problem.message}`)
        .join('; ')}`,
    );
    this.problems = problems;
  }
}
