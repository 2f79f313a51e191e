import { OpenApiRouter } from '../../schema/openapi/generated';
import { ListTenantLedgerModel } from './ListTenantLedger.model';

export function bindListTenantLedger(
  router: OpenApiRouter,
  model: ListTenantLedgerModel,
) {
  router.get('/tenants/:slug/ledger', async (req, res) => {
    const { slug } = req.params;
    const { includeRemoved } = req.query;
    res.json({ items: await model.listTenantLedger(slug, includeRemoved) });
  });
}
