import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { tenantSlugProblem } from '@internal/plugin-tenant-scaffolder-common';
import { tenantScaffolderApiRef } from '../../api/TenantScaffolderApi';
import { slugProblemText } from './slugMessages';

/**
 * On Next and Create: the slug must follow the rules and be free. The rules
 * are checked here first; the registry answers for taken slugs.
 */
export const tenantSlugValidation: CustomFieldValidator<string> = async (
  slug,
  field,
  { apiHolder },
) => {
  if (!slug) return; // `required` in the template says so when it must be set.
  const problem = tenantSlugProblem(slug);
  if (problem) {
    field.addError(slugProblemText(problem));
    return;
  }
  const api = apiHolder.get(tenantScaffolderApiRef);
  if (!api) return; // The backend checks again when the tenant is registered.
  let availability;
  try {
    availability = await api.getSlugAvailability(slug);
  } catch {
    // Unreachable registry: registration checks the slug again and fails the task.
    return;
  }
  if (!availability.available) {
    field.addError(slugProblemText(availability.problem));
  }
};
