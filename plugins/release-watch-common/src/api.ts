import type { components } from './schema/openapi/generated';
import { MetricId } from './metrics';

// The shapes of the REST API, as its openapi.yaml (in the backend plugin)
// declares them.
type Schemas = components['schemas'];

/**
 * Whose numbers: the whole organisation, a group (`frontend`, `backend`:
 * from the entity's tags or `spec.type`), or one catalog entity.
 */
export type Scope = Schemas['Scope'];
export type Period = Schemas['Period'];
/** One period of a metric. Durations in the metric's unit. */
export type SeriesPoint = Schemas['SeriesPoint'];
/** `GET /series?metric=&period=&from=&to=[&group=|&entityRef=]` */
export type SeriesResponse = Schemas['SeriesResponse'];
/**
 * An objective as declared in config or in a catalog annotation, its metric
 * one that Release Watch measures (on the wire, any string).
 */
export type Okr = Omit<Schemas['Okr'], 'metric'> & { metric: MetricId };
export type OkrStatus = Schemas['OkrStatus'];
export type OkrReport = Schemas['OkrReport'];
/** `GET /okrs?period=&from=&to=[&group=|&entityRef=]` */
export type OkrReportResponse = Schemas['OkrReportResponse'];
/** One release and how long it took to reach production. */
export type ReleaseSummary = Schemas['ReleaseSummary'];
/** `GET /releases?from=&to=[&group=|&entityRef=]` */
export type ReleasesResponse = Schemas['ReleasesResponse'];
/** `GET /deployments?period=&from=&to=[&group=|&entityRef=]`: successful production deployments per environment (per tenant, where each tenant has its own). */
export type DeploymentsByEnvironmentResponse =
  Schemas['DeploymentsByEnvironmentResponse'];
/** `GET /scopes`: the groups and entities events are attributed to. */
export type ScopesResponse = Schemas['ScopesResponse'];
/** `GET /unattributed`: events no catalog entity claimed, by claimant. */
export type UnattributedResponse = Schemas['UnattributedResponse'];
/** The answer to a batch of events pushed to `POST /events`. */
export type IngestResult = Schemas['IngestResult'];
/** A line of a pushed batch that was refused, and why. */
export type EventLineError = Schemas['EventLineError'];
/** `POST /events` answered 400: some lines refused, the others stored. */
export type EventsPartlyRefused = Schemas['EventsPartlyRefused'];
