import { OpenApiRouter } from '../../schema/openapi/generated';
import { CheckLockModel } from './CheckLock.model';

/** GET /locks/{name}/check?token=N */
export function bindCheckLockEndpoint(
  router: OpenApiRouter,
  model: CheckLockModel,
): void {
  router.get('/locks/:name/check', async (req, res) => {
    res.json(await model.check(req.params.name, req.query.token));
  });
}
