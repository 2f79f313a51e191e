import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createApiRouter } from '@internal/backend-plugin-utils';
import express from 'express';
import Router from 'express-promise-router';
import { EntityDirectory } from '../attribution/EntityDirectory';
import { createOpenApiRouter, spec } from '../schema/openapi/generated';
import { EventStore } from '../store/EventStore';
import { ReportStore } from '../store/ReportStore';
import { GetDeploymentsModelImpl } from './endpoints/GetDeployments.model';
import { bindGetDeploymentsEndpoint } from './endpoints/GetDeployments.router';
import { GetEnvironmentsModelImpl } from './endpoints/GetEnvironments.model';
import { bindGetEnvironmentsEndpoint } from './endpoints/GetEnvironments.router';
import { bindGetHealthEndpoint } from './endpoints/GetHealth.router';
import { GetOkrReportsModelImpl } from './endpoints/GetOkrReports.model';
import { bindGetOkrReportsEndpoint } from './endpoints/GetOkrReports.router';
import { GetReleasesModelImpl } from './endpoints/GetReleases.model';
import { bindGetReleasesEndpoint } from './endpoints/GetReleases.router';
import { GetScopesModelImpl } from './endpoints/GetScopes.model';
import { GetSummaryModelImpl } from './endpoints/GetSummary.model';
import { bindGetSummaryEndpoint } from './endpoints/GetSummary.router';
import { GetTeamsModelImpl } from './endpoints/GetTeams.model';
import { bindGetTeamsEndpoint } from './endpoints/GetTeams.router';
import { bindGetScopesEndpoint } from './endpoints/GetScopes.router';
import { GetSeriesModelImpl } from './endpoints/GetSeries.model';
import { bindGetSeriesEndpoint } from './endpoints/GetSeries.router';
import { IngestEventsModelImpl } from './endpoints/IngestEvents.model';
import {
  bindIngestEventsEndpoint,
  ingestEventsBodyParsers,
} from './endpoints/IngestEvents.router';
import { ListUnattributedModelImpl } from './endpoints/ListUnattributed.model';
import { bindListUnattributedEndpoint } from './endpoints/ListUnattributed.router';
import { answerEventsPartlyRefused } from './EventsPartlyRefusedError';
import { ReportService } from './ReportService';
import { SummaryService } from './SummaryService';
import { TeamDirectory } from '../teams/TeamDirectory';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  events: EventStore;
  reports: ReportService;
  store: ReportStore;
  directory: EntityDirectory;
  /** The DORA keys of a scope, with bands and trends. */
  summary: SummaryService;
  teams: TeamDirectory;
  /** Waits for the rollups to include everything ingested so far. */
  settle: () => Promise<void>;
};

/**
 * The plugin's REST API (src/schema/openapi.yaml). Callers are checked
 * before any body is read, and only the pusher's batch is read at all.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, events, reports, store, directory, settle } = options;
  const { summary, teams } = options;
  const api = createApiRouter({
    spec,
    createOpenApiRouter,
    httpAuth,
    bodyParsers: { ingestEvents: ingestEventsBodyParsers },
  });
  bindGetHealthEndpoint(api);
  bindIngestEventsEndpoint(api, new IngestEventsModelImpl(events));
  bindGetSeriesEndpoint(api, new GetSeriesModelImpl(reports, settle));
  bindGetOkrReportsEndpoint(api, new GetOkrReportsModelImpl(reports, settle));
  bindGetDeploymentsEndpoint(api, new GetDeploymentsModelImpl(store));
  bindGetEnvironmentsEndpoint(api, new GetEnvironmentsModelImpl(store, settle));
  bindGetReleasesEndpoint(api, new GetReleasesModelImpl(store, reports));
  bindGetScopesEndpoint(api, new GetScopesModelImpl(directory));
  bindListUnattributedEndpoint(api, new ListUnattributedModelImpl(store));
  bindGetSummaryEndpoint(api, new GetSummaryModelImpl(summary));
  bindGetTeamsEndpoint(api, new GetTeamsModelImpl(teams, summary));

  const router = Router();
  router.use(api);
  router.use(answerEventsPartlyRefused);
  // Paths of no operation: a signed-in caller gets the 404.
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  });
  return router;
}
