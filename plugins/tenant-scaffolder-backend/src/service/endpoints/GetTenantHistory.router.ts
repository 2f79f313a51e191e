import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetTenantHistoryModel } from './GetTenantHistory.model';

export function bindGetTenantHistory(
  router: OpenApiRouter,
  model: GetTenantHistoryModel,
) {
  router.get('/tenants/:slug/history', async (req, res) => {
    const { slug } = req.params;
    const items = await model.getTenantHistory(slug, req.query.limit);
    res.json({ items });
  });
}
