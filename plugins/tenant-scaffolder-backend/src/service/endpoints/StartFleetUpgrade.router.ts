import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { StartFleetUpgradeModel } from './StartFleetUpgrade.model';

export function bindStartFleetUpgrade(
  router: OpenApiRouter,
  model: StartFleetUpgradeModel,
) {
  router.post('/fleet-upgrades', async (req, res) => {
    const upgrade = await model.startFleetUpgrade(req.body, callerOf(res));
    res.status(201).json(upgrade);
  });
}
