import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** GET /locks/{name} */
export function bindGetLockEndpoint(
  router: OpenApiRouter,
  locks: Pick<SharedEnvironmentLocks, 'get'>,
): void {
  router.get('/locks/:name', async (req, res) => {
    res.json(await locks.get(req.params.name));
  });
}
