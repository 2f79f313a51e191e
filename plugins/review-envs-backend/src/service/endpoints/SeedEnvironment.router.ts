import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { SeedEnvironmentModel } from './SeedEnvironment.model';

/** POST /environments/{id}/seed, by the author, an admin or a CI pipeline. */
export function bindSeedEnvironmentEndpoint(
  router: OpenApiRouter,
  model: SeedEnvironmentModel,
): void {
  router.post('/environments/:id/seed', async (req, res) => {
    res
      .status(201)
      .json(await model.seed(req.params.id, req.body.tenant, callerOf(res)));
  });
}
