import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { FULL_HEX_COLOUR, Palette } from './TenantPalettePicker';

/** Every colour set, each a six-digit hex colour. */
export const tenantPaletteValidation: CustomFieldValidator<Partial<Palette>> = (
  palette,
  field,
) => {
  for (const key of ['primary', 'secondary', 'background'] as const) {
    const colour = palette?.[key];
    if (!colour || !FULL_HEX_COLOUR.test(colour)) {
      field.addError(`The ${key} colour must be a colour such as #1f6feb`);
    }
  }
};
