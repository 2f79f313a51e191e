import { OpenApiRouter } from '../../schema/openapi/generated';

export function bindGetHealthEndpoint(router: OpenApiRouter) {
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
}
