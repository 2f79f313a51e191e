import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { pullRequestSnapshot } from '@internal/plugin-review-envs-common/testUtils';
import { DatabaseEnvironmentStore } from './DatabaseEnvironmentStore';
import { SEEDS_TABLE } from './tables';
import { wantedEnvironment } from '../__testUtils__/wantedEnvironment';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('seeds on %s', databaseId => {
  async function setUp() {
    const knex = await databases.init(databaseId);
    const store = await DatabaseEnvironmentStore.create({
      database: mockServices.database({ knex }),
    });
    await store.observe(
      pullRequestSnapshot({ number: 7 }),
      wantedEnvironment('acme-web-pr-7'),
    );
    const start = (actor: string) =>
      store.startSeed(
        {
          environmentId: 'acme-web-pr-7',
          tenant: 'acme',
          actor,
          policyRevision: 'abc123abc123',
        },
        60_000,
      );
    return { knex, store, start };
  }

  it('runs one seed of an environment at a time, whichever replica asks', async () => {
    const { store, start } = await setUp();
    const first = await start('user:default/ada');
    expect(first).toMatchObject({ state: 'running', rowsCopied: 0 });

    await expect(start('user:default/bob')).rejects.toThrow(
      'A seed of acme-web-pr-7 is under way; wait for it to finish',
    );

    await store.recordSeedProgress(first.id, 500);
    expect((await store.seeds('acme-web-pr-7', 10))[0].rowsCopied).toBe(500);
    await store.finishSeed(first.id, { rows: 900 });
    const second = await start('user:default/bob');
    expect(second.state).toBe('running');
    expect(
      (await store.seeds('acme-web-pr-7', 10)).map(s => [s.actor, s.state]),
    ).toEqual([
      ['user:default/bob', 'running'],
      ['user:default/ada', 'succeeded'],
    ]);
  });

  it('marks a running seed whose heartbeat stopped abandoned, and lets the next one run', async () => {
    const { knex, store, start } = await setUp();
    const stuck = await start('user:default/ada');
    await knex(SEEDS_TABLE)
      .where({ id: stuck.id })
      .update({ heartbeat_at_ms: 0 });

    const next = await start('user:default/bob');
    expect(next.state).toBe('running');
    const [, abandoned] = await store.seeds('acme-web-pr-7', 10);
    expect(abandoned).toMatchObject({
      id: stuck.id,
      state: 'failed',
      error: 'abandoned: the backend copying it stopped',
    });
  });
});
