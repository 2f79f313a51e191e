import { ReviewEnvironments } from '../../environments/ReviewEnvironments';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { EnvironmentSeeds } from '../../seed/EnvironmentSeeds';

/** GET /environments/{id}/seeds. */
export function bindListEnvironmentSeedsEndpoint(
  router: OpenApiRouter,
  environments: Pick<ReviewEnvironments, 'get'>,
  seeds: Pick<EnvironmentSeeds, 'list'> | undefined,
): void {
  router.get('/environments/:id/seeds', async (req, res) => {
    await environments.get(req.params.id);
    res.json({ items: seeds ? await seeds.list(req.params.id) : [] });
  });
}
