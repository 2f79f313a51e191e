import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { UnifiedThemeProvider } from '@backstage/theme';
import LightIcon from '@material-ui/icons/WbSunny';
import DarkIcon from '@material-ui/icons/Brightness2';
import { ReactNode, useMemo } from 'react';
import { readBrandColors } from './brandColors';
import { createPortalTheme } from './portalTheme';

const PortalThemeProvider = (props: {
  variant: 'light' | 'dark';
  children?: ReactNode;
}) => {
  const config = useApi(configApiRef);
  const theme = useMemo(
    () => createPortalTheme(props.variant, readBrandColors(config)),
    [config, props.variant],
  );
  return (
    <UnifiedThemeProvider theme={theme}>{props.children}</UnifiedThemeProvider>
  );
};

/** Replaces the app's own light and dark themes with the portal's. */
export const themeModule = createFrontendModule({
  pluginId: 'app',
  extensions: (['light', 'dark'] as const).map(variant =>
    ThemeBlueprint.make({
      name: variant,
      params: {
        theme: {
          id: variant,
          title: variant === 'light' ? 'Light' : 'Dark',
          variant,
          icon: variant === 'light' ? <LightIcon /> : <DarkIcon />,
          Provider: ({ children }) => (
            <PortalThemeProvider variant={variant}>
              {children}
            </PortalThemeProvider>
          ),
        },
      },
    }),
  ),
});
