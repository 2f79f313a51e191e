import { callerOf } from '@internal/backend-plugin-utils';
import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** POST /locks/{name}/queue: the caller waits in line. */
export function bindJoinLockQueueEndpoint(
  router: OpenApiRouter,
  locks: Pick<SharedEnvironmentLocks, 'enqueue'>,
): void {
  router.post('/locks/:name/queue', async (req, res) => {
    const { id } = callerOf(res);
    res.json(await locks.enqueue(req.params.name, id, req.body));
  });
}
