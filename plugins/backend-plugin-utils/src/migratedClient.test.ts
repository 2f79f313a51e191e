import { DatabaseService } from '@backstage/backend-plugin-api';
import { migratedClient } from './migratedClient';

function fakeDatabase(options: { skip?: boolean; failFirst?: boolean } = {}) {
  let failures = options.failFirst ? 1 : 0;
  const latest = jest.fn(async () => {
    if (failures-- > 0) throw new Error('locked');
  });
  const knex = { migrate: { latest } };
  const database = {
    getClient: jest.fn(async () => knex),
    migrations: { skip: options.skip ?? false },
  } as unknown as DatabaseService;
  return { database, knex, latest };
}

describe('migratedClient', () => {
  it("runs a package's migrations once for every store of a plugin", async () => {
    const { database, knex, latest } = fakeDatabase();

    const clients = await Promise.all([
      migratedClient(database, '@internal/plugin-tenant-scaffolder-backend'),
      migratedClient(database, '@internal/plugin-tenant-scaffolder-backend'),
    ]);

    expect(clients).toEqual([knex, knex]);
    expect(latest).toHaveBeenCalledTimes(1);
    await migratedClient(
      fakeDatabase().database,
      '@internal/plugin-tenant-scaffolder-backend',
    );
    expect(latest).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed run, and runs nothing when migrations are skipped', async () => {
    const failing = fakeDatabase({ failFirst: true });
    const pkg = '@internal/plugin-tenant-scaffolder-backend';
    await expect(migratedClient(failing.database, pkg)).rejects.toThrow(
      'locked',
    );
    await expect(migratedClient(failing.database, pkg)).resolves.toBe(
      failing.knex,
    );
    expect(failing.latest).toHaveBeenCalledTimes(2);

    const skipped = fakeDatabase({ skip: true });
    await migratedClient(skipped.database, pkg);
    expect(skipped.latest).not.toHaveBeenCalled();
  });
});
