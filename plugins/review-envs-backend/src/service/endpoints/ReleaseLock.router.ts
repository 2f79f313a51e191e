import { callerOf } from '@internal/backend-plugin-utils';
import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** POST /locks/{name}/release, by the holder with the current fencing token. */
export function bindReleaseLockEndpoint(
  router: OpenApiRouter,
  locks: Pick<SharedEnvironmentLocks, 'release'>,
): void {
  router.post('/locks/:name/release', async (req, res) => {
    const { id } = callerOf(res);
    res.json(await locks.release(req.params.name, id, req.body));
  });
}
