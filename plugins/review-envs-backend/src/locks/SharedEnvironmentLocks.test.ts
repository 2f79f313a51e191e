import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseLockStore } from '../database/DatabaseLockStore';
import { SharedEnvironmentLocks } from './SharedEnvironmentLocks';
import { SharedEnvironmentConfig } from './SharedEnvironmentsConfig';

jest.setTimeout(60_000);

const environments: SharedEnvironmentConfig[] = ['staging', 'demo'].map(
  name => ({
    name,
    title: name,
    defaultDurationMs: 3_600_000,
    maxDurationMs: 7_200_000,
    branches: [],
  }),
);

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

describe('SharedEnvironmentLocks', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setUp() {
    const store = await DatabaseLockStore.create({
      database: mockServices.database({
        knex: await databases.init('SQLITE_3'),
        migrations: { skip: false },
      }),
    });
    const onChange = jest.fn<void, [string]>();
    const locks = await SharedEnvironmentLocks.create({
      store,
      environments,
      onChange,
    });
    return { store, locks, onChange };
  }

  describe('onChange', () => {
    it('is called after every change made through it, and not after refusals', async () => {
      const { locks, onChange } = await setUp();
      await locks.list();
      const reported = async <T>(change: () => Promise<T>) => {
        onChange.mockClear();
        const result = await change();
        expect(onChange.mock.calls).toEqual([['staging']]);
        return result;
      };
      const ada = 'user:default/ada';
      const bob = 'user:default/bob';

      const { fencingToken } = await reported(() =>
        locks.claim('staging', ada, { reason: 'release' }),
      );
      await reported(() =>
        locks.extend('staging', ada, { fencingToken, durationMinutes: 90 }),
      );
      await reported(() => locks.enqueue('staging', bob, { reason: 'next' }));
      await reported(() => locks.leaveQueue('staging', bob));
      await reported(() => locks.release('staging', ada, { fencingToken }));
      await reported(() => locks.claim('staging', bob, { reason: 'again' }));
      await reported(() => locks.forceRelease('staging', ada));

      onChange.mockClear();
      await expect(
        locks.release('staging', ada, { fencingToken }),
      ).rejects.toThrow(/not held/);
      await expect(locks.leaveQueue('staging', ada)).rejects.toThrow(
        /not in the queue/,
      );
      expect(onChange).not.toHaveBeenCalled();
    });

    it('is called when a read finds a lock changed: first seen, changed elsewhere, expired or handed to the queue', async () => {
      const { store, locks, onChange } = await setUp();

      await locks.list();
      expect(onChange.mock.calls.sort()).toEqual([['demo'], ['staging']]);
      onChange.mockClear();
      await locks.list();
      await locks.get('staging');
      expect(onChange).not.toHaveBeenCalled();

      // Another replica claims the lock, briefly; a colleague queues here.
      await store.claim({
        name: 'staging',
        holder: 'ci-pipeline',
        reason: 'deploy',
        durationMs: 300,
      });
      await locks.get('staging');
      expect(onChange.mock.calls).toEqual([['staging']]);
      await locks.enqueue('staging', 'user:default/ada', { reason: 'next' });
      onChange.mockClear();

      await sleep(500);
      const [, staging] = await locks.list();
      expect(staging).toMatchObject({
        name: 'staging',
        holder: 'user:default/ada',
      });
      expect(onChange.mock.calls).toEqual([['staging']]);
    });
  });
});
