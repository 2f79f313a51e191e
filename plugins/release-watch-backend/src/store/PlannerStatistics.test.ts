import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { PlannerStatistics } from './PlannerStatistics';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function tableWithRows(knex: Knex, count: number) {
  await knex.schema.createTable('growing', table => {
    table.integer('n').primary();
  });
  const rows = Array.from({ length: count }, (_, n) => ({ n }));
  for (let i = 0; i < rows.length; i += 1000) {
    await knex('growing').insert(rows.slice(i, i + 1000));
  }
}

describe('PlannerStatistics', () => {
  it('refreshes PostgreSQL statistics once 10,000 rows were added, not before', async () => {
    if (!databases.supports('POSTGRES_15')) {
      return;
    }
    const knex = await databases.init('POSTGRES_15');
    await tableWithRows(knex, 12_000);
    const statistics = new PlannerStatistics(knex, 'growing');
    const analyzedRows = async () => {
      const [row] = await knex('pg_class')
        .where('relname', 'growing')
        .select('reltuples');
      return Number(row.reltuples);
    };
    const never = await analyzedRows();

    await statistics.rowsAdded(9_999);
    expect(await analyzedRows()).toBe(never);

    await statistics.rowsAdded(1);
    expect(await analyzedRows()).toBe(12_000);
  });

  it('leaves SQLite without statistics tables', async () => {
    const knex = await databases.init('SQLITE_3');
    await tableWithRows(knex, 10);
    await new PlannerStatistics(knex, 'growing').rowsAdded(50_000);
    expect(
      await knex('sqlite_master').where('name', 'sqlite_stat1').select('name'),
    ).toEqual([]);
  });
});
