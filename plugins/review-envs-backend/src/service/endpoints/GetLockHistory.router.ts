import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** GET /locks/{name}/history?limit=N */
export function bindGetLockHistoryEndpoint(
  router: OpenApiRouter,
  locks: Pick<SharedEnvironmentLocks, 'history'>,
): void {
  router.get('/locks/:name/history', async (req, res) => {
    res.json({ items: await locks.history(req.params.name, req.query.limit) });
  });
}
