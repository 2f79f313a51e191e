import { render } from '@testing-library/react';
import App from '../App';

/**
 * Renders the whole app with the given `app` config. The app reads its
 * config once per module registry, so use it once per test file.
 */
export function renderAppWithConfig(app: Record<string, unknown>) {
  process.env = {
    NODE_ENV: 'test',
    APP_CONFIG: [
      {
        data: {
          app: { title: 'Developer Portal', ...app },
          backend: { baseUrl: 'http://localhost:7007' },
        },
        context: 'test',
      },
    ] as any,
  };
  return render(App.createRoot());
}
