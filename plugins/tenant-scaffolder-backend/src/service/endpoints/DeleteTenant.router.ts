import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { DeleteTenantModel } from './DeleteTenant.model';

export function bindDeleteTenant(
  router: OpenApiRouter,
  model: DeleteTenantModel,
) {
  router.delete('/tenants/:slug', async (req, res) => {
    res
      .status(202)
      .json(await model.deleteTenant(req.params.slug, callerOf(res)));
  });
}
