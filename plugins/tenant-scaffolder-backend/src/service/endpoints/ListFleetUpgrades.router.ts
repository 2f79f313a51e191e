import { OpenApiRouter } from '../../schema/openapi/generated';
import { ListFleetUpgradesModel } from './ListFleetUpgrades.model';

export function bindListFleetUpgrades(
  router: OpenApiRouter,
  model: ListFleetUpgradesModel,
) {
  router.get('/fleet-upgrades', async (req, res) => {
    res.json({ items: await model.listFleetUpgrades(req.query.limit) });
  });
}
