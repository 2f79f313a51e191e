import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { RecordTenantResourceModel } from './RecordTenantResource.model';

export function bindRecordTenantResource(
  router: OpenApiRouter,
  model: RecordTenantResourceModel,
) {
  router.post('/tenants/:slug/ledger', async (req, res) => {
    const { entry, recorded } = await model.recordTenantResource(
      { ...req.body, slug: req.params.slug },
      callerOf(res).id,
    );
    res.status(recorded ? 201 : 200).json(entry);
  });
}
