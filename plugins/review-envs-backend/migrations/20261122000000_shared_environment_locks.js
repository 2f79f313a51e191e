// @ts-check

/**
 * Locks on shared environments: one row per lock, its queue, and the history
 * of every change. Times are epoch milliseconds taken from the database's
 * clock, so replicas with skewed clocks agree on expiry.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_envs_locks', table => {
    table.string('name', 100).primary();
    table.string('holder', 255).nullable();
    table.text('reason').nullable();
    table
      .bigInteger('fencing_token')
      .notNullable()
      .defaultTo(0)
      .comment('Incremented on every grant; never reused');
    table.bigInteger('acquired_at_ms').nullable();
    table.bigInteger('expires_at_ms').nullable();
  });

  await knex.schema.createTable('review_envs_lock_queue', table => {
    table.increments('id');
    table
      .string('lock_name', 100)
      .notNullable()
      .references('name')
      .inTable('review_envs_locks')
      .onDelete('CASCADE');
    table.string('requester', 255).notNullable();
    table.text('reason').notNullable();
    table.bigInteger('duration_ms').notNullable();
    table.bigInteger('enqueued_at_ms').notNullable();
    table.unique(['lock_name', 'requester']);
  });

  await knex.schema.createTable('review_envs_lock_history', table => {
    table.increments('id');
    table.string('lock_name', 100).notNullable().index();
    table.string('action', 40).notNullable();
    table.string('actor', 255).notNullable();
    table.string('holder', 255).nullable();
    table.bigInteger('fencing_token').nullable();
    table.text('reason').nullable();
    table.bigInteger('at_ms').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_envs_lock_history');
  await knex.schema.dropTable('review_envs_lock_queue');
  await knex.schema.dropTable('review_envs_locks');
};
