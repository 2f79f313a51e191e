import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetSeriesModel } from './GetSeries.model';

export function bindGetSeriesEndpoint(
  router: OpenApiRouter,
  model: GetSeriesModel,
) {
  router.get('/series', async (req, res) => {
    res.json(await model.getSeries(req.query));
  });
}
