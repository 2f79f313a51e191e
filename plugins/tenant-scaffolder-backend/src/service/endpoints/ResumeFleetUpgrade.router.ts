import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { ResumeFleetUpgradeModel } from './ResumeFleetUpgrade.model';

export function bindResumeFleetUpgrade(
  router: OpenApiRouter,
  model: ResumeFleetUpgradeModel,
) {
  router.post('/fleet-upgrades/:id/resume', async (req, res) => {
    const id = Number(req.params.id);
    res.json(await model.resumeFleetUpgrade(id, callerOf(res)));
  });
}
