import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { Palette } from './TenantPalettePicker';

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Every colour set, each a six-digit hex colour. */
export const tenantPaletteValidation: CustomFieldValidator<Partial<Palette>> = (
  palette,
  field,
) => {
  for (const key of ['primary', 'secondary', 'background'] as const) {
    const colour = palette?.[key];
    if (!colour || !HEX.test(colour)) {
      field.addError(`The ${key} colour must be a colour such as #1f6feb`);
    }
  }
};
