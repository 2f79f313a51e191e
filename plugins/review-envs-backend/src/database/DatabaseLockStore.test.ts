import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { DatabaseLockStore } from './DatabaseLockStore';
import { LockStore, LockWriteResult } from './LockStore';

jest.setTimeout(60_000);

const HOUR = 3_600_000;

function grantedToken(result: LockWriteResult): number {
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result.lock.fencingToken;
}

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

/** The store's writes on the staging lock, for an hour unless a test says otherwise. */
function stagingLock(store: LockStore) {
  const name = 'staging';
  return {
    claim: (holder: string, reason = 'r', durationMs = HOUR) =>
      store.claim({ name, holder, reason, durationMs }),
    extend: (holder: string, fencingToken: number) =>
      store.extend({ name, holder, fencingToken, durationMs: HOUR }),
    release: (holder: string, fencingToken: number) =>
      store.release({ name, holder, fencingToken }),
    enqueue: (requester: string, reason: string) =>
      store.enqueue({ name, requester, reason, durationMs: HOUR }),
  };
}

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
          stagingLock(replicas[i % 2]).claim(
            `user:default/dev-${i}`,
            'release 1.2',
          ),
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
      const staging = stagingLock(store);

      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          staging.claim(`user:default/dev-${i}`, 'release 1.2'),
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
      expect(grantedToken(await staging.release(winner, token))).toBe(1);
      const next = await staging.claim('user:default/other');
      expect(grantedToken(next)).toBe(2);
    });

    it('refuses extend and release with a stale token or by someone else', async () => {
      const store = await createStore(databaseId);
      const staging = stagingLock(store);
      const first = grantedToken(await staging.claim('user:default/ada'));
      await staging.release('user:default/ada', first);
      const second = grantedToken(await staging.claim('user:default/ada'));

      expect(await staging.extend('user:default/ada', first)).toMatchObject({
        refused: 'stale-token',
      });
      expect(await staging.release('user:default/ada', first)).toMatchObject({
        refused: 'stale-token',
      });
      expect(await staging.release('user:default/eve', second)).toMatchObject({
        refused: 'not-holder',
      });
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
          await stagingLock(store).claim('user:default/ada', 'release'),
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
      const staging = stagingLock(store);
      const token = grantedToken(
        await staging.claim('user:default/ada', 'short', 300),
      );
      await staging.enqueue('user:default/bob', 'next');
      await staging.enqueue('user:default/cy', 'after');

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

      expect(await staging.extend('user:default/ada', token)).toMatchObject({
        refused: 'stale-token',
      });

      // A claim does not jump the queue.
      await staging.release('user:default/bob', token + 1);
      expect((await store.get('staging'))!.holder).toBe('user:default/cy');
      expect(await staging.claim('user:default/dan')).toMatchObject({
        refused: 'held',
      });
    });

    it('force-releases, and records every change in the history', async () => {
      const store = await createStore(databaseId);
      await stagingLock(store).claim('user:default/ada', 'demo');
      await stagingLock(store).enqueue('user:default/bob', 'next');

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
      await stagingLock(first).claim('user:default/ada', 'kept');

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
