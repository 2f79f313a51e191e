import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { UpdateTenantSettingsModel } from './UpdateTenantSettings.model';

export function bindUpdateTenantSettings(
  router: OpenApiRouter,
  model: UpdateTenantSettingsModel,
) {
  router.patch('/tenants/:slug/settings', async (req, res) => {
    const { slug } = req.params;
    res.json(await model.updateTenantSettings(slug, req.body, callerOf(res)));
  });
}
