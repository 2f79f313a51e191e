import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { UpgradeTenantPlanModel } from './UpgradeTenantPlan.model';

export function bindUpgradeTenantPlan(
  router: OpenApiRouter,
  model: UpgradeTenantPlanModel,
) {
  router.post('/tenants/:slug/upgrade', async (req, res) => {
    res.json(await model.upgradeTenantPlan(req.params.slug, callerOf(res)));
  });
}
