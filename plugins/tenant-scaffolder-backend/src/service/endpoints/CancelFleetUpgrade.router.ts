import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { CancelFleetUpgradeModel } from './CancelFleetUpgrade.model';

export function bindCancelFleetUpgrade(
  router: OpenApiRouter,
  model: CancelFleetUpgradeModel,
) {
  router.post('/fleet-upgrades/:id/cancel', async (req, res) => {
    const id = Number(req.params.id);
    res.json(await model.cancelFleetUpgrade(id, callerOf(res)));
  });
}
