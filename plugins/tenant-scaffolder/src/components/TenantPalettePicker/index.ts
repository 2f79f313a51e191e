export { TenantPalettePicker } from './TenantPalettePicker';
export type { Palette } from './TenantPalettePicker';
export { tenantPaletteValidation } from './validation';
