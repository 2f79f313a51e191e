import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { describeOnPostgres } from '@internal/backend-plugin-utils';
import { PostgresDatabases } from '@internal/backend-databases';
import { pullRequestSnapshot } from '@internal/plugin-review-envs-common/testUtils';
import { Knex, knex as createKnex } from 'knex';
import { DatabaseEnvironmentStore } from '../database/DatabaseEnvironmentStore';
import { environmentIdFor } from '../environments/environmentId';
import { EnvironmentDatabases } from './EnvironmentDatabases';
import { environmentDatabaseNaming } from './readEnvironmentDatabases';
import { wantedEnvironment } from '../__testUtils__/wantedEnvironment';

const SEED = `
CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO projects (id, name) VALUES (1, 'Onboarding');
`;

describeOnPostgres(
  'EnvironmentDatabases on PostgreSQL (real server)',
  postgresUrl => {
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    let admin: Knex;
    const owned: Array<{ id: string; environments: EnvironmentDatabases }> = [];
    const repository = `acme/web-${process.pid}-${Date.now().toString(36)}`;

    beforeAll(() => {
      admin = createKnex({ client: 'pg', connection: postgresUrl });
    });
    afterEach(async () => {
      for (const { id, environments } of owned.splice(0)) {
        await environments.drop(id);
      }
    });
    afterAll(() => admin.destroy());

    async function setUp(pullRequest: number, repo = repository) {
      const store = await DatabaseEnvironmentStore.create({
        database: mockServices.database({
          knex: await databases.init('SQLITE_3'),
        }),
      });
      const server = new URL(postgresUrl);
      const logger = mockServices.logger.mock();
      const environments = new EnvironmentDatabases({
        drivers: new PostgresDatabases(
          admin,
          { host: server.hostname, port: Number(server.port || 5432) },
          environmentDatabaseNaming,
        ),
        store,
        seedSql: SEED,
        logger,
      });
      const id = environmentIdFor(repo, pullRequest);
      await store.observe(
        pullRequestSnapshot({ repository: repo, number: pullRequest }),
        wantedEnvironment(id),
      );
      owned.push({ id, environments });
      return { id, store, environments, logger };
    }

    const exists = async (name: string) => {
      const { rows } = await admin.raw(
        'SELECT datname AS name FROM pg_database WHERE datname = ? UNION ALL SELECT rolname FROM pg_roles WHERE rolname = ?',
        [name, name],
      );
      return rows.length;
    };

    it("makes a database and role named from the environment's id, seeded, reachable at its DATABASE_URL, and drops both", async () => {
      const { id, store, environments } = await setUp(7);
      const name = `review_${id.replace(/-/g, '_')}`;

      const url = await environments.ensure(id);
      expect(url).toMatch(
        new RegExp(`^postgresql://${name}:[^@]+@[^/]+/${name}$`),
      );
      const app = createKnex({ client: 'pg', connection: url });
      try {
        const { rows } = await app.raw('SELECT name FROM projects');
        expect(rows).toEqual([{ name: 'Onboarding' }]);
      } finally {
        await app.destroy();
      }
      expect(await environments.ensure(id)).toBe(url);
      expect(await store.databaseResources(id)).toEqual([
        { type: 'postgres-role', id: name },
        { type: 'postgres-database', id: name },
      ]);

      await environments.drop(id);
      expect(await exists(name)).toBe(0);
      expect(await store.databaseResources(id)).toEqual([]);
      expect(await store.databaseUrl(id)).toBeUndefined();
    });

    it('shortens a long id to a 63-character name that PostgreSQL keeps whole', async () => {
      const { id, environments } = await setUp(8, `acme/${'w'.repeat(60)}`);
      const url = await environments.ensure(id);
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      expect(name).toHaveLength(63);
      expect(await exists(name)).toBe(2);
      await environments.drop(id);
      expect(await exists(name)).toBe(0);
    });

    it('drops what a crashed attempt left before making the database again', async () => {
      const { id, store, environments } = await setUp(9);
      const name = `review_${id.replace(/-/g, '_')}`;
      // Recorded and made, then the backend died before the database.
      await store.recordDatabaseResource(id, {
        type: 'postgres-role',
        id: name,
      });
      await admin.raw(`CREATE ROLE "${name}"`);

      const url = await environments.ensure(id);
      expect(url).toContain(name);
      expect(await exists(name)).toBe(2);
      expect(await store.databaseResources(id)).toHaveLength(2);
    });

    it("never drops a database or role its id does not name, whatever its ledger says: the portal's, postgres, another environment's", async () => {
      const other = await setUp(10);
      await other.environments.ensure(other.id);
      const otherName = `review_${other.id.replace(/-/g, '_')}`;
      const { id, store, environments, logger } = await setUp(11);
      const { rows } = await admin.raw('SELECT current_database() AS name');
      const planted = [...new Set([rows[0].name, 'postgres', otherName])];
      for (const name of planted) {
        for (const type of ['postgres-database', 'postgres-role']) {
          await store.recordDatabaseResource(id, { type, id: name });
        }
      }

      await environments.drop(id);

      expect(await exists('postgres')).toBeGreaterThan(0);
      expect(await exists(otherName)).toBe(2);
      expect(await store.databaseResources(id)).toEqual([]);
      expect(logger.error).toHaveBeenCalledTimes(planted.length * 2);
    });
  },
);
