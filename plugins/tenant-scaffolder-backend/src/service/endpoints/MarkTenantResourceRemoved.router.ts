import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { MarkTenantResourceRemovedModel } from './MarkTenantResourceRemoved.model';

export function bindMarkTenantResourceRemoved(
  router: OpenApiRouter,
  model: MarkTenantResourceRemovedModel,
) {
  router.post('/tenants/:slug/ledger/:id/removed', async (req, res) => {
    const { slug, id } = req.params;
    const actor = callerOf(res).id;
    res.json(await model.markTenantResourceRemoved(slug, Number(id), actor));
  });
}
