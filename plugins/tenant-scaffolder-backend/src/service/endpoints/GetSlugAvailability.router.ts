import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetSlugAvailabilityModel } from './GetSlugAvailability.model';

export function bindGetSlugAvailability(
  router: OpenApiRouter,
  model: GetSlugAvailabilityModel,
) {
  router.get('/slugs/:slug', async (req, res) => {
    res.json(await model.getSlugAvailability(req.params.slug));
  });
}
