import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetFleetUpgradeModel } from './GetFleetUpgrade.model';

export function bindGetFleetUpgrade(
  router: OpenApiRouter,
  model: GetFleetUpgradeModel,
) {
  router.get('/fleet-upgrades/:id', async (req, res) => {
    res.json(await model.getFleetUpgrade(Number(req.params.id)));
  });
}
