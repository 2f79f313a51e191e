// @ts-check

/**
 * Each load of a tenant's masked data into an environment's database: who
 * asked, from which tenant, under which policy revision, how many rows. At
 * most one runs per environment (a partial unique index), on any replica.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_envs_seeds', table => {
    table.increments('id');
    table
      .string('environment_id', 200)
      .notNullable()
      .references('id')
      .inTable('review_envs_environments')
      .onDelete('CASCADE');
    table.string('tenant', 100).notNullable();
    table.string('actor', 255).notNullable();
    table.string('policy_revision', 64).notNullable();
    table
      .string('state', 20)
      .notNullable()
      .comment('running, succeeded, failed');
    table.integer('rows').nullable();
    table.integer('rows_copied').notNullable().defaultTo(0);
    table.text('error').nullable();
    table.bigInteger('started_at_ms').notNullable();
    table
      .bigInteger('heartbeat_at_ms')
      .notNullable()
      .comment(
        'Moved while it copies; a running seed whose moves stop was abandoned',
      );
    table.bigInteger('finished_at_ms').nullable();
    table.index(['environment_id', 'id']);
  });
  await knex.raw(
    "CREATE UNIQUE INDEX review_envs_seeds_one_running ON review_envs_seeds (environment_id) WHERE state = 'running'",
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_envs_seeds');
};
