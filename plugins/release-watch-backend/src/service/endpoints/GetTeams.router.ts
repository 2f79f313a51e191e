import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetTeamsModel } from './GetTeams.model';

export function bindGetTeamsEndpoint(
  router: OpenApiRouter,
  model: GetTeamsModel,
) {
  router.get('/teams', async (req, res) => {
    res.json(await model.getTeams(req.query));
  });
}
