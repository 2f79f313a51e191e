import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { TenantSlugPicker } from './TenantSlugPicker';
import { tenantSlugValidation } from './validation';

/** The `TenantSlugPicker` form field, loaded lazily by the scaffolder. */
export const tenantSlugPickerField = createFormField({
  name: 'TenantSlugPicker',
  component: TenantSlugPicker,
  validation: tenantSlugValidation,
});
