import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetDeploymentsModel } from './GetDeployments.model';

export function bindGetDeploymentsEndpoint(
  router: OpenApiRouter,
  model: GetDeploymentsModel,
) {
  router.get('/deployments', async (req, res) => {
    res.json(await model.getDeployments(req.query));
  });
}
