import { callerOf } from '@internal/backend-plugin-utils';
import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** POST /locks/{name}/claim: the caller becomes the holder. */
export function bindClaimLockEndpoint(
  router: OpenApiRouter,
  locks: Pick<SharedEnvironmentLocks, 'claim'>,
): void {
  router.post('/locks/:name/claim', async (req, res) => {
    const { id } = callerOf(res);
    res.status(201).json(await locks.claim(req.params.name, id, req.body));
  });
}
