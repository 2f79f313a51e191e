import { SharedEnvironmentLocks } from '../../locks/SharedEnvironmentLocks';
import { OpenApiRouter } from '../../schema/openapi/generated';

/** GET /locks */
export function bindListLocksEndpoint(
  router: OpenApiRouter,
  locks: Pick<SharedEnvironmentLocks, 'list'>,
): void {
  router.get('/locks', async (_req, res) => {
    res.json({ items: await locks.list() });
  });
}
