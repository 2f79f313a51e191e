import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { ForceReleaseLockModel } from './ForceReleaseLock.model';

/** POST /locks/{name}/force-release, for portal admins. */
export function bindForceReleaseLockEndpoint(
  router: OpenApiRouter,
  model: ForceReleaseLockModel,
): void {
  router.post('/locks/:name/force-release', async (req, res) => {
    res.json(await model.forceRelease(req.params.name, callerOf(res)));
  });
}
