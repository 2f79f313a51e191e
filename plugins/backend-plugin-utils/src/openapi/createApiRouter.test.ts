import { mockCredentials } from '@backstage/backend-test-utils';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { testApp, testHttpAuth } from '../__testUtils__/testApp';
import { createApiRouter } from './createApiRouter';

const spec = {
  paths: {
    '/health': { get: { operationId: 'getHealth', 'x-callers': 'anyone' } },
    '/lines': { post: { operationId: 'pushLines' } },
    '/notes': { post: { operationId: 'addNote' } },
  },
};

function app() {
  const router = createApiRouter({
    spec,
    createOpenApiRouter: ({ middleware }) => Router().use(middleware),
    httpAuth: testHttpAuth(),
    bodyParsers: { pushLines: [express.text({ type: 'text/plain' })] },
  });
  const echo: express.RequestHandler = (req, res) => {
    res.json({ body: req.body ?? null });
  };
  router.get('/health', echo);
  router.post('/lines', echo);
  router.post('/notes', echo);
  return testApp(router);
}

describe('createApiRouter', () => {
  const asUser = { Authorization: mockCredentials.user.header() };

  it('reads a body only for the operations given parsers, once the caller is known', async () => {
    const lines = await request(app())
      .post('/lines')
      .set(asUser)
      .set('Content-Type', 'text/plain')
      .send('a\nb');
    expect(lines.body).toEqual({ body: 'a\nb' });

    const notes = await request(app())
      .post('/notes')
      .set(asUser)
      .send({ note: 'unread' });
    expect(notes.body).toEqual({ body: null });

    const anonymous = await request(app())
      .post('/lines')
      .set('Content-Type', 'text/plain')
      .send('a');
    expect(anonymous.status).toBe(401);
  });
});
