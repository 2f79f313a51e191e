import express from 'express';

/**
 * `GET /health` (getHealth in src/schema/openapi.yaml), for load balancers
 * and probes, which pass no credentials: served ahead of the API's router,
 * since it needs nothing of the API, by a policy open to anyone.
 */
export function createHealthRouter() {
  const router = express.Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
