import { OpenApiRouter } from '../../schema/openapi/generated';
import { ListUnattributedModel } from './ListUnattributed.model';

export function bindListUnattributedEndpoint(
  router: OpenApiRouter,
  model: ListUnattributedModel,
) {
  router.get('/unattributed', async (_req, res) => {
    res.json(await model.listUnattributed());
  });
}
