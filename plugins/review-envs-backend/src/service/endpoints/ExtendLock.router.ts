import { callerOf } from '@internal/backend-plugin-utils';
import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** POST /locks/{name}/extend, by the holder with the current fencing token. */
export function bindExtendLockEndpoint(
  router: OpenApiRouter,
  locks: Pick<SharedEnvironmentLocks, 'extend'>,
): void {
  router.post('/locks/:name/extend', async (req, res) => {
    const { id } = callerOf(res);
    res.json(await locks.extend(req.params.name, id, req.body));
  });
}
