import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetReleasesModel } from './GetReleases.model';

export function bindGetReleasesEndpoint(
  router: OpenApiRouter,
  model: GetReleasesModel,
) {
  router.get('/releases', async (req, res) => {
    res.json(await model.getReleases(req.query));
  });
}
