import { Knex } from 'knex';
import { TABLES } from '../store/tables';

/** Where each polled source got to, in the database so every replica agrees. */
export class CursorStore {
  constructor(private readonly knex: Knex) {}

  async get(source: string): Promise<string | undefined> {
    const row = await this.knex(TABLES.cursors).where({ source }).first();
    return row?.cursor;
  }

  async set(source: string, cursor: string): Promise<void> {
    await this.knex(TABLES.cursors)
      .insert({ source, cursor, updated_at: Date.now() })
      .onConflict('source')
      .merge();
  }
}
