import { callerOf } from '@internal/backend-plugin-utils';
import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** POST /environments/{id}/redeploy, by a person. */
export function bindRedeployEnvironmentEndpoint(
  router: OpenApiRouter,
  environments: Pick<ReviewEnvironments, 'redeploy'>,
): void {
  router.post('/environments/:id/redeploy', async (req, res) => {
    const { id } = callerOf(res);
    res.status(202).json(await environments.redeploy(req.params.id, id));
  });
}
