import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetOkrReportsModel } from './GetOkrReports.model';

export function bindGetOkrReportsEndpoint(
  router: OpenApiRouter,
  model: GetOkrReportsModel,
) {
  router.get('/okrs', async (req, res) => {
    res.json(await model.getOkrReports(req.query));
  });
}
