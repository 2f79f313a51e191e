import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** GET /environments/{id} */
export function bindGetEnvironmentEndpoint(
  router: OpenApiRouter,
  environments: Pick<ReviewEnvironments, 'get'>,
): void {
  router.get('/environments/:id', async (req, res) => {
    res.json(await environments.get(req.params.id));
  });
}
