import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { ReportTenantStatusModel } from './ReportTenantStatus.model';

export function bindReportTenantStatus(
  router: OpenApiRouter,
  model: ReportTenantStatusModel,
) {
  router.post('/tenants/:slug/status', async (req, res) => {
    const { slug } = req.params;
    res.json(await model.reportTenantStatus(slug, req.body, callerOf(res).id));
  });
}
