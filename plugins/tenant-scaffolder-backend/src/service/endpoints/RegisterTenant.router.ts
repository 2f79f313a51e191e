import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { RegisterTenantModel } from './RegisterTenant.model';

export function bindRegisterTenant(
  router: OpenApiRouter,
  model: RegisterTenantModel,
) {
  router.post('/tenants', async (req, res) => {
    const tenant = await model.registerTenant(req.body, callerOf(res).id);
    res.status(201).json(tenant);
  });
}
