import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { resolve } from 'node:path';
import request from 'supertest';

jest.setTimeout(120_000);

/**
 * The catalog keeps its state in the portal's database: SQLite on the
 * embedded default, PostgreSQL in production. Both ingest the portal's own
 * catalog-info.yaml.
 */
describe('catalog on the portal database', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'ingests the portal itself on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          // Its own: the default scheduler is shared by the file's test backends.
          mockServices.scheduler.factory(),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [{ allow: ['Component', 'System', 'Group'] }],
                locations: [
                  {
                    type: 'file',
                    target: resolve(__dirname, '../../../catalog-info.yaml'),
                  },
                ],
              },
            },
          }),
        ],
      });

      const system = await waitForEntity(
        server,
        'system/default/developer-portal',
      );
      expect(system.spec.owner).toBe('group:default/developer-portal-team');
    },
  );
});

/** Polls the catalog until the processing loop has stored the entity. */
async function waitForEntity(
  server: Parameters<typeof request>[0],
  ref: string,
) {
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await request(server).get(
      `/api/catalog/entities/by-name/${ref}`,
    );
    if (response.status === 200) return response.body;
    await new Promise(done => setTimeout(done, 200));
  }
  throw new Error(`${ref} was not ingested within 30 seconds`);
}
