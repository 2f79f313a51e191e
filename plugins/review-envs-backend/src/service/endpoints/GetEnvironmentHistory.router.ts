import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** GET /environments/{id}/history */
export function bindGetEnvironmentHistoryEndpoint(
  router: OpenApiRouter,
  environments: Pick<ReviewEnvironments, 'history'>,
): void {
  router.get('/environments/:id/history', async (req, res) => {
    res.json({ items: await environments.history(req.params.id) });
  });
}
