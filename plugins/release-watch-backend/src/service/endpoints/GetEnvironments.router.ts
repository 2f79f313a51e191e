import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetEnvironmentsModel } from './GetEnvironments.model';

export function bindGetEnvironmentsEndpoint(
  router: OpenApiRouter,
  model: GetEnvironmentsModel,
) {
  router.get('/environments', async (req, res) => {
    res.json(await model.getEnvironments(req.query));
  });
}
