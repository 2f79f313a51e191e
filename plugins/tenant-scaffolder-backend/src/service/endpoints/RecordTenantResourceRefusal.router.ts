import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { RecordTenantResourceRefusalModel } from './RecordTenantResourceRefusal.model';

export function bindRecordTenantResourceRefusal(
  router: OpenApiRouter,
  model: RecordTenantResourceRefusalModel,
) {
  router.post('/tenants/:slug/ledger/:id/refused', async (req, res) => {
    const { slug, id } = req.params;
    const refusal = { reason: req.body.reason, actor: callerOf(res).id };
    res.json(
      await model.recordTenantResourceRefusal(slug, Number(id), refusal),
    );
  });
}
