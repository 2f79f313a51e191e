import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** GET /environments */
export function bindListEnvironmentsEndpoint(
  router: OpenApiRouter,
  environments: Pick<ReviewEnvironments, 'list'>,
): void {
  router.get('/environments', async (_req, res) => {
    res.json({ items: await environments.list() });
  });
}
