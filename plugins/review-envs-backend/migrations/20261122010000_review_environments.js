// @ts-check

/**
 * Review environments, one per (repository, pull request), and the history of
 * their states. Times are epoch milliseconds from the database's clock.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_envs_environments', table => {
    table.string('id', 200).primary();
    table.string('repository', 200).notNullable();
    table.integer('pull_request').notNullable();
    table.text('title').notNullable();
    table.string('branch', 255).notNullable();
    table.string('head_sha', 64).notNullable();
    table.string('author', 255).notNullable();
    table.string('state', 20).notNullable().index();
    table.text('state_reason').nullable();
    table.text('url').nullable();
    table.string('deployed_sha', 64).nullable();
    table.boolean('keep').notNullable().defaultTo(false);
    table.string('target', 20).notNullable();
    table
      .bigInteger('revision')
      .notNullable()
      .defaultTo(0)
      .comment('Incremented on every change; workers claim work by it');
    table.bigInteger('created_at_ms').notNullable();
    table.bigInteger('last_activity_at_ms').notNullable();
    table.bigInteger('expires_at_ms').notNullable().index();
    table.bigInteger('last_deploy_at_ms').nullable();
    table.text('last_deploy_log').nullable();
    table
      .bigInteger('lease_until_ms')
      .nullable()
      .comment('A worker deploying or tearing down holds the row until then');
    table.unique(['repository', 'pull_request']);
  });

  await knex.schema.createTable('review_envs_environment_history', table => {
    table.increments('id');
    table
      .string('environment_id', 200)
      .notNullable()
      .references('id')
      .inTable('review_envs_environments')
      .onDelete('CASCADE');
    table.string('state', 20).notNullable();
    table.string('actor', 255).notNullable();
    table.text('reason').nullable();
    table.bigInteger('at_ms').notNullable();
    table.index(['environment_id', 'id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_envs_environment_history');
  await knex.schema.dropTable('review_envs_environments');
};
