import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** GET /environments/{id}/logs */
export function bindGetEnvironmentLogsEndpoint(
  router: OpenApiRouter,
  environments: Pick<ReviewEnvironments, 'logs'>,
): void {
  router.get('/environments/:id/logs', async (req, res) => {
    res.json(await environments.logs(req.params.id));
  });
}
