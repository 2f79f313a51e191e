import { OpenApiRouter } from '../../schema/openapi/generated';
import { GetScopesModel } from './GetScopes.model';

export function bindGetScopesEndpoint(
  router: OpenApiRouter,
  model: GetScopesModel,
) {
  router.get('/scopes', async (_req, res) => {
    res.json(await model.getScopes());
  });
}
