import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetSummaryModel } from './GetSummary.model';

export function bindGetSummaryEndpoint(
  router: OpenApiRouter,
  model: GetSummaryModel,
) {
  router.get('/summary', async (req, res) => {
    res.json(await model.getSummary(req.query));
  });
}
