import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { TeardownEnvironmentModel } from './TeardownEnvironment.model';

/** DELETE /environments/{id}, by its pull request's author or an admin. */
export function bindTeardownEnvironmentEndpoint(
  router: OpenApiRouter,
  model: TeardownEnvironmentModel,
): void {
  router.delete('/environments/:id', async (req, res) => {
    res.status(202).json(await model.teardown(req.params.id, callerOf(res)));
  });
}
