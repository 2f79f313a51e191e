import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { DatabaseLockStore } from './DatabaseLockStore';
import { LockWriteResult } from './LockStore';

jest.setTimeout(60_000);

const HOUR = 3_600_000;

function grantedToken(result: LockWriteResult): number {
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result.lock.fencingToken;
}

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

describe('DatabaseLockStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseLockStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await store.ensureLocks(['staging']);
    return store;
  }

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    it('grants one of concurrent claims sent to two replicas, each replica reading and writing once per burst', async () => {
      const knex = await databases.init(databaseId);
      // One after the other, as replicas start: the first migrates.
      const replicas: DatabaseLockStore[] = [];
      for (const skip of [false, true]) {
        replicas.push(
          await DatabaseLockStore.create({
            database: mockServices.database({ knex, migrations: { skip } }),
          }),
        );
      }
      await replicas[0].ensureLocks(['staging']);
      let queries = 0;
      const count = () => queries++;
      knex.on('query', count);

      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          replicas[i % 2].claim({
            name: 'staging',
            holder: `user:default/dev-${i}`,
            reason: 'release 1.2',
            durationMs: HOUR,
          }),
        ),
      );
      knex.off('query', count);

      const winners = results.filter(result => !('refused' in result));
      expect(winners).toHaveLength(1);
      const holder = (winners[0] as { lock: { holder: string } }).lock.holder;
      expect(results.filter(result => 'refused' in result)).toEqual(
        Array(99).fill(
          expect.objectContaining({
            refused: 'held',
            lock: expect.objectContaining({ holder }),
          }),
        ),
      );
      // Per replica: a read, then a transaction of a few statements.
      expect(queries).toBeLessThan(30);
    });

    it('grants exactly one of 100 concurrent claims, with a token that increases', async () => {
      const store = await createStore(databaseId);

      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          store.claim({
            name: 'staging',
            holder: `user:default/dev-${i}`,
            reason: 'release 1.2',
            durationMs: HOUR,
          }),
        ),
      );

      const winners = results.filter(result => !('refused' in result));
      expect(winners).toHaveLength(1);
      expect(
        results.filter(r => 'refused' in r && r.refused === 'held'),
      ).toHaveLength(99);
      const token = grantedToken(winners[0]);
      expect(token).toBe(1);

      const winner = (await store.get('staging'))!.holder!;
      expect(
        grantedToken(
          await store.release({
            name: 'staging',
            holder: winner,
            fencingToken: token,
          }),
        ),
      ).toBe(1);
      const next = await store.claim({
        name: 'staging',
        holder: 'user:default/other',
        reason: 'r',
        durationMs: HOUR,
      });
      expect(grantedToken(next)).toBe(2);
    });

    it('refuses extend and release with a stale token or by someone else', async () => {
      const store = await createStore(databaseId);
      const first = grantedToken(
        await store.claim({
          name: 'staging',
          holder: 'user:default/ada',
          reason: 'r',
          durationMs: HOUR,
        }),
      );
      await store.release({
        name: 'staging',
        holder: 'user:default/ada',
        fencingToken: first,
      });
      const second = grantedToken(
        await store.claim({
          name: 'staging',
          holder: 'user:default/ada',
          reason: 'r',
          durationMs: HOUR,
        }),
      );

      expect(
        await store.extend({
          name: 'staging',
          holder: 'user:default/ada',
          fencingToken: first,
          durationMs: HOUR,
        }),
      ).toMatchObject({ refused: 'stale-token' });
      expect(
        await store.release({
          name: 'staging',
          holder: 'user:default/ada',
          fencingToken: first,
        }),
      ).toMatchObject({ refused: 'stale-token' });
      expect(
        await store.release({
          name: 'staging',
          holder: 'user:default/eve',
          fencingToken: second,
        }),
      ).toMatchObject({ refused: 'not-holder' });
      expect((await store.get('staging'))!.holder).toBe('user:default/ada');
    });

    it("times grants by the database's clock, whatever the backend's clock says", async () => {
      const store = await createStore(databaseId);
      const realNow = Date.now();
      // The backend's clock two hours ahead: a grant timed by it would be
      // born expired, or read as expired by another replica.
      const appClock = jest
        .spyOn(Date, 'now')
        .mockReturnValue(realNow + 2 * HOUR);
      try {
        grantedToken(
          await store.claim({
            name: 'staging',
            holder: 'user:default/ada',
            reason: 'release',
            durationMs: HOUR,
          }),
        );
        const lock = (await store.get('staging'))!;
        expect(lock.holder).toBe('user:default/ada');
        expect(Math.abs(lock.nowMs - realNow)).toBeLessThan(60_000);
        expect(lock.expiresAtMs! - realNow).toBeGreaterThan(HOUR - 60_000);
        expect(lock.expiresAtMs! - realNow).toBeLessThan(HOUR + 60_000);
      } finally {
        appClock.mockRestore();
      }
    });

    it('expires a grant on the database clock and hands the lock to the queue in order', async () => {
      const store = await createStore(databaseId);
      const token = grantedToken(
        await store.claim({
          name: 'staging',
          holder: 'user:default/ada',
          reason: 'short',
          durationMs: 300,
        }),
      );
      await store.enqueue({
        name: 'staging',
        requester: 'user:default/bob',
        reason: 'next',
        durationMs: HOUR,
      });
      await store.enqueue({
        name: 'staging',
        requester: 'user:default/cy',
        reason: 'after',
        durationMs: HOUR,
      });

      let lock = (await store.get('staging'))!;
      expect(lock.holder).toBe('user:default/ada');
      expect(lock.queue.map(entry => entry.requester)).toEqual([
        'user:default/bob',
        'user:default/cy',
      ]);

      await sleep(500);
      lock = (await store.get('staging'))!;
      expect(lock.holder).toBe('user:default/bob');
      expect(lock.fencingToken).toBe(token + 1);
      expect(lock.queue.map(entry => entry.requester)).toEqual([
        'user:default/cy',
      ]);
      expect(lock.expiresAtMs! - lock.nowMs).toBeGreaterThan(HOUR - 60_000);

      expect(
        await store.extend({
          name: 'staging',
          holder: 'user:default/ada',
          fencingToken: token,
          durationMs: HOUR,
        }),
      ).toMatchObject({ refused: 'stale-token' });

      // A claim does not jump the queue.
      await store.release({
        name: 'staging',
        holder: 'user:default/bob',
        fencingToken: token + 1,
      });
      expect((await store.get('staging'))!.holder).toBe('user:default/cy');
      expect(
        await store.claim({
          name: 'staging',
          holder: 'user:default/dan',
          reason: 'r',
          durationMs: HOUR,
        }),
      ).toMatchObject({ refused: 'held' });
    });

    it('force-releases, and records every change in the history', async () => {
      const store = await createStore(databaseId);
      await store.claim({
        name: 'staging',
        holder: 'user:default/ada',
        reason: 'demo',
        durationMs: HOUR,
      });
      await store.enqueue({
        name: 'staging',
        requester: 'user:default/bob',
        reason: 'next',
        durationMs: HOUR,
      });

      const result = await store.forceRelease({
        name: 'staging',
        actor: 'user:default/admin',
      });

      expect(grantedToken(result)).toBe(2);
      expect((await store.get('staging'))!.holder).toBe('user:default/bob');
      const history = await store.history('staging', 10);
      expect(
        history.map(entry => [entry.action, entry.actor, entry.holder]),
      ).toEqual([
        ['granted-from-queue', 'system', 'user:default/bob'],
        ['force-released', 'user:default/admin', 'user:default/ada'],
        ['queued', 'user:default/bob', 'user:default/bob'],
        ['claimed', 'user:default/ada', 'user:default/ada'],
      ]);
    });

    it('keeps its state across a restart of the store', async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      const first = await DatabaseLockStore.create({ database });
      await first.ensureLocks(['staging']);
      await first.claim({
        name: 'staging',
        holder: 'user:default/ada',
        reason: 'kept',
        durationMs: HOUR,
      });

      const second = await DatabaseLockStore.create({ database });
      await second.ensureLocks(['staging']);

      expect(await second.get('staging')).toMatchObject({
        holder: 'user:default/ada',
        reason: 'kept',
        fencingToken: 1,
      });
    });
  });
});
