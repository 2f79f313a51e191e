import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { RetryFleetUpgradeTenantModel } from './RetryFleetUpgradeTenant.model';

export function bindRetryFleetUpgradeTenant(
  router: OpenApiRouter,
  model: RetryFleetUpgradeTenantModel,
) {
  router.post('/fleet-upgrades/:id/tenants/:slug/retry', async (req, res) => {
    const id = Number(req.params.id);
    const { slug } = req.params;
    res.json(await model.retryFleetUpgradeTenant(id, slug, callerOf(res)));
  });
}
