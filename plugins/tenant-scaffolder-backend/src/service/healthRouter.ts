import Router from 'express-promise-router';

export function createHealthRouter() {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
