import {
  createUnifiedTheme,
  genPageTheme,
  pageTheme,
  palettes,
  shapes,
  UnifiedTheme,
} from '@backstage/theme';
import { BrandColors, darken } from './brandColors';

/**
 * Backstage's light or dark palette in the organisation's colours: its
 * primary colour for actions and the sidebar's indicator, its header colour
 * for every page header.
 */
export function createPortalTheme(
  variant: 'light' | 'dark',
  colors: BrandColors,
): UnifiedTheme {
  const base = palettes[variant];
  const header = genPageTheme({
    colors: [colors.header, darken(colors.header, 0.35)],
    shape: shapes.wave,
  });
  return createUnifiedTheme({
    palette: {
      ...base,
      primary: { main: variant === 'light' ? colors.primary : '#9cc3ff' },
      // Backstage's #717171 on its #f5f5f5 page falls just short of 4.5:1.
      ...(variant === 'light'
        ? {
            text: { primary: 'rgba(0, 0, 0, 0.87)', secondary: '#5c5c5c' },
            textSubtle: '#5c5c5c',
          }
        : {}),
      navigation: { ...base.navigation, indicator: colors.primary },
    },
    defaultPageTheme: 'home',
    pageTheme: Object.fromEntries(
      Object.keys(pageTheme).map(themeId => [themeId, header]),
    ),
  });
}
