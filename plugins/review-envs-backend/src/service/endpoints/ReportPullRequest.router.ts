import { callerOf } from '@internal/backend-plugin-utils';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { ReportPullRequestModel } from './ReportPullRequest.model';

/** POST /pull-requests, by CI pipelines and git hosts. */
export function bindReportPullRequestEndpoint(
  router: OpenApiRouter,
  model: ReportPullRequestModel,
): void {
  router.post('/pull-requests', async (req, res) => {
    const environment = await model.report(req.body, callerOf(res).id);
    res
      .status(environment ? 202 : 200)
      .json({ environment: environment ?? null });
  });
}
