import { callerOf } from '@internal/backend-plugin-utils';
import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** POST /environments/{id}/extend, by a person. */
export function bindExtendEnvironmentEndpoint(
  router: OpenApiRouter,
  environments: Pick<ReviewEnvironments, 'extend'>,
): void {
  router.post('/environments/:id/extend', async (req, res) => {
    const { id } = callerOf(res);
    res.json(await environments.extend(req.params.id, req.body?.hours, id));
  });
}
