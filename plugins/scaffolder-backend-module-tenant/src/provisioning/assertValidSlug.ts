import { InputError } from '@backstage/errors';
import { tenantSlugProblem } from '@internal/plugin-tenant-scaffolder-common';

/** Slugs become database names, paths and host names: every step checks again. */
export function assertValidSlug(slug: string) {
  const problem = tenantSlugProblem(slug);
  if (problem) throw new InputError(`tenant slug '${slug}' ${problem}`);
}
