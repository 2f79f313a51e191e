import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';

/** The httpAuth of a plugin `test` that, as a real backend, takes a request without a token for nobody. */
export function testHttpAuth() {
  return mockServices.httpAuth({
    pluginId: 'test',
    defaultCredentials: mockCredentials.none(),
  });
}

/** An app that passes requests through `handlers` in order, and their errors to Backstage's error handler. */
export function testApp(...handlers: express.RequestHandler[]) {
  const server = express();
  server.use(...handlers);
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return server;
}
