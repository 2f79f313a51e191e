import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetTenantModel } from './GetTenant.model';

export function bindGetTenant(router: OpenApiRouter, model: GetTenantModel) {
  router.get('/tenants/:slug', async (req, res) => {
    res.json(await model.getTenant(req.params.slug));
  });
}
