import { OpenApiRouter } from '../../schema/openapi/generated';
import { ListTenantsModel } from './ListTenants.model';

export function bindListTenants(
  router: OpenApiRouter,
  model: ListTenantsModel,
) {
  router.get('/tenants', async (req, res) => {
    res.json({ items: await model.listTenants(req.query) });
  });
}
