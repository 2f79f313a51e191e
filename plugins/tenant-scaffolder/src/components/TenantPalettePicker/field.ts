import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { TenantPalettePicker } from './TenantPalettePicker';
import { tenantPaletteValidation } from './validation';

/** The `TenantPalettePicker` form field, loaded lazily by the scaffolder. */
export const tenantPalettePickerField = createFormField({
  name: 'TenantPalettePicker',
  component: TenantPalettePicker,
  validation: tenantPaletteValidation,
});
