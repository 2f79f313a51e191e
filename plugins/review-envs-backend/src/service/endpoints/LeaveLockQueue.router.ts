import { callerOf } from '@internal/backend-plugin-utils';
import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** DELETE /locks/{name}/queue: the caller leaves the line. */
export function bindLeaveLockQueueEndpoint(
  router: OpenApiRouter,
  locks: Pick<SharedEnvironmentLocks, 'leaveQueue'>,
): void {
  router.delete('/locks/:name/queue', async (req, res) => {
    const { id } = callerOf(res);
    res.json(await locks.leaveQueue(req.params.name, id));
  });
}
