import express from 'express';
import { OpenApiRouter } from '../../schema/openapi/generated';
import { IngestEventsModel } from './IngestEvents.model';

const BODY_LIMIT = '20mb';

/** How a batch is read: JSON, or NDJSON as text, up to 20 MB. */
export const ingestEventsBodyParsers = [
  express.json({ limit: BODY_LIMIT }),
  express.text({
    type: ['application/x-ndjson', 'application/ndjson', 'text/plain'],
    limit: BODY_LIMIT,
  }),
];

export function bindIngestEventsEndpoint(
  router: OpenApiRouter,
  model: IngestEventsModel,
) {
  router.post('/events', async (req, res) => {
    res.json(await model.ingestEvents(req.body));
  });
}
