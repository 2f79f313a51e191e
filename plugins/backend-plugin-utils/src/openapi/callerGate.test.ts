import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import Router from 'express-promise-router';
import request from 'supertest';
import { testApp, testHttpAuth } from '../__testUtils__/testApp';
import { callerGate, callerOf } from './callerGate';

const spec = {
  paths: {
    '/health': { get: { 'x-callers': 'anyone' } },
    '/locks/mine': {
      get: { 'x-callers': 'user', 'x-refusal': 'Mine is for people' },
    },
    '/locks/{name}': { get: {} },
    '/locks/{name}/seed': {
      post: {
        'x-callers': 'user, external service',
        'x-refusal': 'Seeding is for people and pipelines',
      },
    },
    '/locks/{name}/force': {
      post: {
        'x-callers': 'plugin:scaffolder',
        'x-refusal': 'Forcing is for the scaffolder',
      },
    },
  },
};

const service = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'test',
  });

function app() {
  const router = Router();
  router.use(callerGate(spec, testHttpAuth()));
  router.get('/health', (_req, res) => {
    res.json({ open: true });
  });
  router.get('/locks/mine', (_req, res) => {
    res.json({ route: 'mine', caller: callerOf(res).id });
  });
  router.get('/locks/:name', (_req, res) => {
    res.json({ route: 'name', caller: callerOf(res).id });
  });
  router.get('/openapi.json', (_req, res) => {
    res.json({ spec: true, caller: callerOf(res).id });
  });
  router.post('/locks/:name/seed', (_req, res) => {
    res.json({ caller: callerOf(res).id });
  });
  router.post('/locks/:name/force', (_req, res) => {
    res.json({ caller: callerOf(res).id });
  });
  return testApp(router, (_req, res) => {
    res.status(404).json({ unknown: true });
  });
}

describe('callerGate', () => {
  it('lets anyone reach an operation open to anyone, credentials or not', async () => {
    const res = await request(app()).get('/health');
    expect(res.status).toBe(200);
  });

  it('answers 401 without credentials on every other operation', async () => {
    expect((await request(app()).get('/locks/staging')).status).toBe(401);
    expect((await request(app()).get('/locks/mine')).status).toBe(401);
  });

  it('hands the resolved caller to the handler', async () => {
    const res = await request(app())
      .get('/locks/staging')
      .set('Authorization', service('external:ci'));
    expect(res.body).toEqual({ route: 'name', caller: 'external:ci' });
  });

  it('lets a person or a CI token through to a user-or-external-service operation, and no backend plugin', async () => {
    for (const authorization of [
      mockCredentials.user.header('user:default/ada'),
      service('external:ci'),
    ]) {
      const res = await request(app())
        .post('/locks/staging/seed')
        .set('Authorization', authorization);
      expect(res.status).toBe(200);
    }
    const refused = await request(app())
      .post('/locks/staging/seed')
      .set('Authorization', service('plugin:catalog'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      "Seeding is for people and pipelines: only a signed-in user or a CI pipeline's token may do this, not the backend plugin plugin:catalog",
    );
  });

  it('matches a literal segment before a parameter', async () => {
    const mine = await request(app())
      .get('/locks/mine')
      .set('Authorization', mockCredentials.user.header('user:default/ada'));
    expect(mine.body).toEqual({ route: 'mine', caller: 'user:default/ada' });

    const refused = await request(app())
      .get('/locks/mine')
      .set('Authorization', service('external:ci'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Mine is for people: only a signed-in user may call this, not the service external:ci',
    );
  });

  it('refuses every caller but the named service, saying who may', async () => {
    for (const header of [
      mockCredentials.user.header(),
      service('plugin:catalog'),
    ]) {
      const refused = await request(app())
        .post('/locks/staging/force')
        .set('Authorization', header);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(
        /^Forcing is for the scaffolder: only plugin:scaffolder may call this, not /,
      );
    }
    const allowed = await request(app())
      .post('/locks/staging/force')
      .set('Authorization', service('plugin:scaffolder'));
    expect(allowed.body).toEqual({ caller: 'plugin:scaffolder' });
  });

  it('lets only signed-in callers read the spec, or try a method a path lacks', async () => {
    expect((await request(app()).get('/openapi.json')).status).toBe(401);
    const read = await request(app())
      .get('/openapi.json')
      .set('Authorization', service('external:ci'));
    expect(read.body).toEqual({ spec: true, caller: 'external:ci' });
    expect((await request(app()).post('/health')).status).toBe(401);
  });

  it('passes a path the spec does not know on, unchecked', async () => {
    const res = await request(app()).get('/elsewhere');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ unknown: true });
  });

  it('refuses a spec whose restricted operation does not say why', () => {
    expect(() =>
      callerGate(
        { paths: { '/x': { post: { 'x-callers': 'user' } } } },
        mockServices.httpAuth(),
      ),
    ).toThrow("POST /x: x-callers 'user' needs an x-refusal saying why");
  });
});
