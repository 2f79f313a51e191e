import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  TestBackend,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { tenantScaffolderPlugin } from '../plugin';
import { ADA, SCAFFOLDER } from './actors';

/** Where a test backend serves the registry's API. */
export const BASE = '/api/tenant-scaffolder';

/** Headers of a signed-in user's request. */
export const asUser = (user: string = ADA) => ({
  Authorization: mockCredentials.user.header(user),
});

/** Headers of the scaffolder's tenant module calling the registry. */
export const asScaffolder = () => ({
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(SCAFFOLDER),
    targetPluginId: 'tenant-scaffolder',
  }),
});

/**
 * A permission policy that refuses only the permission `denied()` names at
 * the time of asking, if any.
 */
export function denyOnly(denied: () => string | undefined) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(({ permission }) => ({
        result:
          permission.name === denied()
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
  }).factory;
}

/**
 * A test backend with the registry on `knex`, and any other `features`.
 * It has a scheduler of its own: the default one is shared by every test
 * backend in a file, so a previous case's run still in progress would
 * swallow this one's triggers.
 */
export async function startRegistryBackend(
  knex: Knex,
  features: BackendFeature[] = [],
) {
  const { server } = await startTestBackend({
    features: [
      tenantScaffolderPlugin,
      mockServices.scheduler.factory(),
      mockServices.database.factory({ knex }),
      ...features,
    ],
  });
  return server;
}

/** Registers a tenant as the New tenant template does: through the scaffolder's tenant module. */
export function registerTenant(server: TestBackend['server'], body: object) {
  return request(server).post(`${BASE}/tenants`).set(asScaffolder()).send(body);
}
