import { OpenApiRouter } from '../../schema/openapi/generated';

/** GET /health: answers while the plugin runs, to anyone. */
export function bindGetHealthEndpoint(router: OpenApiRouter): void {
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
}
